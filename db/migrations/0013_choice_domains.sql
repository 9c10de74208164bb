-- Written by hand on top of drizzle-kit's output: it writes neither the domains nor their schema (it wrote "undefined"."<domain>").
-- The values are db/schema/choices.ts's (CHOICE_DOMAINS in db/schema/checks.ts); db/schema/domains.int.test.ts holds them to it.
CREATE DOMAIN "scan_range_status" AS text CHECK (VALUE IN ('ready', 'scanning', 'error'));--> statement-breakpoint
CREATE DOMAIN "scan_chunk_status" AS text CHECK (VALUE IN ('pending', 'running', 'done', 'failed'));--> statement-breakpoint
CREATE DOMAIN "bmc_protocol" AS text CHECK (VALUE IN ('redfish'));--> statement-breakpoint
CREATE DOMAIN "firmware_type" AS text CHECK (VALUE IN ('bios', 'bmc', 'storage_controller', 'lsi_3108', 'service_pack', 'nic', 'other'));--> statement-breakpoint
CREATE DOMAIN "node_status" AS text CHECK (VALUE IN ('discovered', 'registered', 'error', 'unreachable'));--> statement-breakpoint
CREATE DOMAIN "firmware_component" AS text CHECK (VALUE IN ('bios', 'bmc', 'storage_controller', 'nic', 'other'));--> statement-breakpoint
CREATE DOMAIN "compliance_status" AS text CHECK (VALUE IN ('non_compliant', 'unknown', 'compliant', 'not_applicable'));--> statement-breakpoint
CREATE DOMAIN "snapshot_trigger" AS text CHECK (VALUE IN ('manual', 'nightly', 'remediation'));--> statement-breakpoint
CREATE DOMAIN "snapshot_scope" AS text CHECK (VALUE IN ('compatible', 'pool', 'server'));--> statement-breakpoint
CREATE DOMAIN "registration_batch_status" AS text CHECK (VALUE IN ('pending', 'running', 'succeeded', 'failed', 'partially_failed'));--> statement-breakpoint
CREATE DOMAIN "registration_node_status" AS text CHECK (VALUE IN ('pending', 'running', 'succeeded', 'failed'));--> statement-breakpoint
CREATE DOMAIN "bmc_operation_kind" AS text CHECK (VALUE IN ('registration', 'refresh', 'remediation'));--> statement-breakpoint
CREATE DOMAIN "request_status" AS text CHECK (VALUE IN ('pending', 'running', 'succeeded', 'failed', 'partially_failed', 'cancelled'));--> statement-breakpoint
CREATE DOMAIN "request_step_status" AS text CHECK (VALUE IN ('pending', 'running', 'sending', 'waiting', 'waiting_for_reset', 'succeeded', 'failed', 'skipped', 'cancelled'));--> statement-breakpoint
ALTER TABLE "bmc_leases" DROP CONSTRAINT "bmc_leases_kind_check";--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" DROP CONSTRAINT "compliance_snapshot_servers_overall_status_check";--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" DROP CONSTRAINT "compliance_snapshot_servers_previous_status_check";--> statement-breakpoint
ALTER TABLE "compliance_snapshots" DROP CONSTRAINT "compliance_snapshots_trigger_check";--> statement-breakpoint
ALTER TABLE "compliance_snapshots" DROP CONSTRAINT "compliance_snapshots_scope_check";--> statement-breakpoint
ALTER TABLE "auth_profiles" DROP CONSTRAINT "auth_profiles_bmc_check";--> statement-breakpoint
ALTER TABLE "scan_chunks" DROP CONSTRAINT "scan_chunks_status_check";--> statement-breakpoint
ALTER TABLE "scan_ranges" DROP CONSTRAINT "scan_ranges_status_check";--> statement-breakpoint
ALTER TABLE "firmware_binaries" DROP CONSTRAINT "firmware_binaries_firmware_type_check";--> statement-breakpoint
ALTER TABLE "nodes" DROP CONSTRAINT "nodes_status_check";--> statement-breakpoint
ALTER TABLE "request_servers" DROP CONSTRAINT "request_servers_status_check";--> statement-breakpoint
ALTER TABLE "request_steps" DROP CONSTRAINT "request_steps_status_check";--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_status_check";--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" DROP CONSTRAINT "registration_batch_nodes_status_check";--> statement-breakpoint
ALTER TABLE "registration_batches" DROP CONSTRAINT "registration_batches_status_check";--> statement-breakpoint
ALTER TABLE "server_firmwares" DROP CONSTRAINT "server_firmwares_component_check";--> statement-breakpoint
ALTER TABLE "bmc_leases" ALTER COLUMN "kind" SET DATA TYPE "bmc_operation_kind";--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" ALTER COLUMN "overall_status" SET DATA TYPE "compliance_status";--> statement-breakpoint
ALTER TABLE "compliance_snapshot_servers" ALTER COLUMN "previous_status" SET DATA TYPE "compliance_status";--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ALTER COLUMN "trigger" SET DATA TYPE "snapshot_trigger";--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ALTER COLUMN "scope" SET DATA TYPE "snapshot_scope";--> statement-breakpoint
ALTER TABLE "auth_profiles" ALTER COLUMN "bmc" SET DATA TYPE "bmc_protocol";--> statement-breakpoint
ALTER TABLE "auth_profiles" ALTER COLUMN "bmc" SET DEFAULT 'redfish';--> statement-breakpoint
ALTER TABLE "scan_chunks" ALTER COLUMN "status" SET DATA TYPE "scan_chunk_status";--> statement-breakpoint
ALTER TABLE "scan_chunks" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "scan_ranges" ALTER COLUMN "status" SET DATA TYPE "scan_range_status";--> statement-breakpoint
ALTER TABLE "scan_ranges" ALTER COLUMN "status" SET DEFAULT 'ready';--> statement-breakpoint
ALTER TABLE "firmware_binaries" ALTER COLUMN "firmware_type" SET DATA TYPE "firmware_type";--> statement-breakpoint
ALTER TABLE "nodes" ALTER COLUMN "status" SET DATA TYPE "node_status";--> statement-breakpoint
ALTER TABLE "nodes" ALTER COLUMN "status" SET DEFAULT 'discovered';--> statement-breakpoint
ALTER TABLE "request_servers" ALTER COLUMN "status" SET DATA TYPE "request_status";--> statement-breakpoint
ALTER TABLE "request_servers" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "request_steps" ALTER COLUMN "status" SET DATA TYPE "request_step_status";--> statement-breakpoint
ALTER TABLE "request_steps" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "status" SET DATA TYPE "request_status";--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" ALTER COLUMN "status" SET DATA TYPE "registration_node_status";--> statement-breakpoint
ALTER TABLE "registration_batch_nodes" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "registration_batches" ALTER COLUMN "status" SET DATA TYPE "registration_batch_status";--> statement-breakpoint
ALTER TABLE "registration_batches" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "server_firmwares" ALTER COLUMN "component" SET DATA TYPE "firmware_component";--> statement-breakpoint
ALTER TABLE "server_firmwares" ALTER COLUMN "component" SET DEFAULT 'other';