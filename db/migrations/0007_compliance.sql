CREATE TABLE "compliance_snapshot_servers" (
	"snapshot_id" integer NOT NULL,
	"baseline_id" integer NOT NULL,
	"server_id" integer NOT NULL,
	"overall_status" varchar(16) NOT NULL,
	"previous_status" varchar(16),
	CONSTRAINT "compliance_snapshot_servers_snapshot_id_server_id_pk" PRIMARY KEY("snapshot_id","server_id"),
	CONSTRAINT "compliance_snapshot_servers_overall_status_check" CHECK ("compliance_snapshot_servers"."overall_status" in ('non_compliant', 'unknown', 'compliant', 'not_applicable')),
	CONSTRAINT "compliance_snapshot_servers_previous_status_check" CHECK ("compliance_snapshot_servers"."previous_status" in ('non_compliant', 'unknown', 'compliant', 'not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "compliance_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"baseline_id" integer NOT NULL,
	"taken_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"trigger" varchar(16) NOT NULL,
	"scope" varchar(16) NOT NULL,
	"pool_id" integer,
	"server_id" integer,
	"created_by_id" integer,
	"total_servers" integer DEFAULT 0 NOT NULL,
	"compliant" integer DEFAULT 0 NOT NULL,
	"non_compliant" integer DEFAULT 0 NOT NULL,
	"unknown" integer DEFAULT 0 NOT NULL,
	"not_applicable" integer DEFAULT 0 NOT NULL,
	"became_non_compliant" integer DEFAULT 0 NOT NULL,
	"became_compliant" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "compliance_snapshots_trigger_check" CHECK ("compliance_snapshots"."trigger" in ('manual', 'nightly', 'remediation')),
	CONSTRAINT "compliance_snapshots_scope_check" CHECK ("compliance_snapshots"."scope" in ('compatible', 'pool', 'server'))
);
--> statement-breakpoint
ALTER TABLE "server_firmwares" ADD COLUMN "keyword_types" text[] GENERATED ALWAYS AS (array_remove(array[case when lower(name) like any (array['%storage%', '%raid%', '%perc%', '%storage controller%', '%hba%']) or lower(software_id) like any (array['%storage%', '%raid%', '%perc%', '%storage controller%', '%hba%']) then 'storage_controller' end, case when lower(name) like any (array['%lsi%', '%3108%', '%megaraid%', '%sas%']) or lower(software_id) like any (array['%lsi%', '%3108%', '%megaraid%', '%sas%']) then 'lsi_3108' end, case when lower(name) like any (array['%service pack%', '%spp%', '%firmware pack%']) or lower(software_id) like any (array['%service pack%', '%spp%', '%firmware pack%']) then 'service_pack' end]::text[], null)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" ADD CONSTRAINT "compliance_snapshot_servers_snapshot_id_compliance_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."compliance_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" ADD CONSTRAINT "compliance_snapshot_servers_baseline_id_firmware_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."firmware_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" ADD CONSTRAINT "compliance_snapshot_servers_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_baseline_id_firmware_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."firmware_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_snapshot_servers_baseline_id_server_id_snapshot_id_index" ON "compliance_snapshot_servers" USING btree ("baseline_id","server_id","snapshot_id");--> statement-breakpoint
CREATE INDEX "compliance_snapshot_servers_server_id_index" ON "compliance_snapshot_servers" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "compliance_snapshots_baseline_id_taken_at_index" ON "compliance_snapshots" USING btree ("baseline_id","taken_at");