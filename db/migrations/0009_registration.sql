CREATE TABLE "bmc_leases" (
	"node_id" integer PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"owner" text NOT NULL,
	"token" varchar(64) NOT NULL,
	"description" text NOT NULL,
	"started_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (6) with time zone NOT NULL,
	CONSTRAINT "bmc_leases_kind_check" CHECK ("bmc_leases"."kind" in ('registration', 'refresh', 'remediation'))
);
--> statement-breakpoint
CREATE TABLE "registration_batch_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"node_id" integer,
	"chunk" integer NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"server_id" integer,
	"message" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_batch_nodes_batchId_nodeId_unique" UNIQUE("batch_id","node_id"),
	CONSTRAINT "registration_batch_nodes_status_check" CHECK ("registration_batch_nodes"."status" in ('pending', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "registration_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" varchar(32) DEFAULT 'pending' NOT NULL,
	"auth_profile_id" integer,
	"scan_range_id" integer,
	"created_by_id" integer,
	"nodes_total" integer NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (6) with time zone,
	CONSTRAINT "registration_batches_status_check" CHECK ("registration_batches"."status" in ('pending', 'running', 'succeeded', 'failed', 'partially_failed'))
);
--> statement-breakpoint
ALTER TABLE "bmc_leases" ADD CONSTRAINT "bmc_leases_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" ADD CONSTRAINT "registration_batch_nodes_batch_id_registration_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."registration_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" ADD CONSTRAINT "registration_batch_nodes_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" ADD CONSTRAINT "registration_batch_nodes_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batches" ADD CONSTRAINT "registration_batches_auth_profile_id_auth_profiles_id_fk" FOREIGN KEY ("auth_profile_id") REFERENCES "public"."auth_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batches" ADD CONSTRAINT "registration_batches_scan_range_id_scan_ranges_id_fk" FOREIGN KEY ("scan_range_id") REFERENCES "public"."scan_ranges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_batches" ADD CONSTRAINT "registration_batches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_batch_nodes_batch_id_chunk_index" ON "registration_batch_nodes" USING btree ("batch_id","chunk");--> statement-breakpoint
CREATE INDEX "registration_batches_finished_at_index" ON "registration_batches" USING btree ("finished_at");