CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "pools" DROP CONSTRAINT "pools_parent_id_pools_id_fk";
--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_id_group_id_unique" UNIQUE("id","group_id");--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_parent_group_fk" FOREIGN KEY ("parent_id","group_id") REFERENCES "public"."pools"("id","group_id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "auth_profiles" ADD CONSTRAINT "auth_profiles_bmc_check" CHECK ("auth_profiles"."bmc" in ('redfish'));--> statement-breakpoint
ALTER TABLE "scan_ranges" ADD CONSTRAINT "scan_ranges_status_check" CHECK ("scan_ranges"."status" in ('ready', 'scanning', 'error'));--> statement-breakpoint
ALTER TABLE "firmware_binaries" ADD CONSTRAINT "firmware_binaries_firmware_type_check" CHECK ("firmware_binaries"."firmware_type" in ('bios', 'bmc', 'storage_controller', 'lsi_3108', 'service_pack', 'nic', 'other'));