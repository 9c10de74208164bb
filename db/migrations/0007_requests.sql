CREATE TABLE "request_servers" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"server_id" integer NOT NULL,
	"status" varchar(32) DEFAULT 'pending' NOT NULL,
	CONSTRAINT "request_servers_request_id_server_id_unique" UNIQUE("request_id","server_id"),
	CONSTRAINT "request_servers_status_check" CHECK ("request_servers"."status" in ('pending', 'running', 'succeeded', 'failed', 'partially_failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" varchar(64) NOT NULL,
	"status" varchar(32) DEFAULT 'pending' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (6) with time zone,
	"finished_at" timestamp (6) with time zone,
	CONSTRAINT "requests_status_check" CHECK ("requests"."status" in ('pending', 'running', 'succeeded', 'failed', 'partially_failed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "request_servers" ADD CONSTRAINT "request_servers_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_servers" ADD CONSTRAINT "request_servers_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_servers_server_id_index" ON "request_servers" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "requests_status_index" ON "requests" USING btree ("status");