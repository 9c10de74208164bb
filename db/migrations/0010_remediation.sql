CREATE TABLE "request_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_server_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" varchar(64) NOT NULL,
	"component" varchar(32),
	"firmware_binary_id" integer,
	"status" varchar(32) DEFAULT 'pending' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp (6) with time zone,
	"finished_at" timestamp (6) with time zone,
	CONSTRAINT "request_steps_request_server_id_position_unique" UNIQUE("request_server_id","position"),
	CONSTRAINT "request_steps_status_check" CHECK ("request_steps"."status" in ('pending', 'running', 'sending', 'waiting', 'waiting_for_reset', 'succeeded', 'failed', 'skipped', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "versions_before" jsonb;--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "versions_after" jsonb;--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "started_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "request_servers" ADD COLUMN "finished_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "cancel_requested_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "request_steps" ADD CONSTRAINT "request_steps_request_server_id_request_servers_id_fk" FOREIGN KEY ("request_server_id") REFERENCES "public"."request_servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_steps" ADD CONSTRAINT "request_steps_firmware_binary_id_firmware_binaries_id_fk" FOREIGN KEY ("firmware_binary_id") REFERENCES "public"."firmware_binaries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_steps_firmware_binary_id_index" ON "request_steps" USING btree ("firmware_binary_id");