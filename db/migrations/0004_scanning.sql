CREATE TABLE "scan_chunks" (
	"id" serial PRIMARY KEY NOT NULL,
	"scan_range_id" integer NOT NULL,
	"first_address" bigint NOT NULL,
	"address_count" integer NOT NULL,
	"ports" integer[] NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"addresses_probed" integer DEFAULT 0 NOT NULL,
	"nodes_found" integer DEFAULT 0 NOT NULL,
	"error" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scan_chunks_status_check" CHECK ("scan_chunks"."status" in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeats" (
	"id" text PRIMARY KEY NOT NULL,
	"lock_ids" text[] DEFAULT '{}' NOT NULL,
	"hostname" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"beat_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scan_ranges" ADD COLUMN "status_message" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "scan_ranges" ADD COLUMN "scan_started_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "scan_chunks" ADD CONSTRAINT "scan_chunks_scan_range_id_scan_ranges_id_fk" FOREIGN KEY ("scan_range_id") REFERENCES "public"."scan_ranges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scan_chunks_scan_range_id_index" ON "scan_chunks" USING btree ("scan_range_id");