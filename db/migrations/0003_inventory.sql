CREATE TABLE "nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"ip" "inet" NOT NULL,
	"port" integer NOT NULL,
	"protocol" varchar(16) DEFAULT 'redfish' NOT NULL,
	"vendor" varchar(128) DEFAULT '' NOT NULL,
	"product" varchar(256) DEFAULT '' NOT NULL,
	"redfish_version" varchar(32) DEFAULT '' NOT NULL,
	"uuid" varchar(64) DEFAULT '' NOT NULL,
	"status" varchar(32) DEFAULT 'discovered' NOT NULL,
	"status_message" text DEFAULT '' NOT NULL,
	"scan_range_id" integer,
	"auth_profile_id" integer,
	"credential_id" integer,
	"certificate_sha256" varchar(64),
	"last_seen" timestamp (6) with time zone,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nodes_ip_port_unique" UNIQUE("ip","port"),
	CONSTRAINT "nodes_status_check" CHECK ("nodes"."status" in ('discovered', 'registered', 'error', 'unreachable'))
);
--> statement-breakpoint
CREATE TABLE "server_ethernet_interfaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"inventory_id" varchar(256) NOT NULL,
	"name" varchar(256) DEFAULT '' NOT NULL,
	"mac_address" varchar(32) DEFAULT '' NOT NULL,
	"speed_mbps" integer,
	"link_status" varchar(32) DEFAULT '' NOT NULL,
	"ipv4_addresses" text[] DEFAULT '{}' NOT NULL,
	"ipv6_addresses" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_firmwares" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"inventory_id" varchar(256) NOT NULL,
	"odata_id" text DEFAULT '' NOT NULL,
	"name" varchar(256) DEFAULT '' NOT NULL,
	"version" varchar(256) DEFAULT '' NOT NULL,
	"software_id" varchar(256) DEFAULT '' NOT NULL,
	"updateable" boolean,
	"component" varchar(32) DEFAULT 'other' NOT NULL,
	"state" varchar(32) DEFAULT '' NOT NULL,
	CONSTRAINT "server_firmwares_component_check" CHECK ("server_firmwares"."component" in ('bios', 'bmc', 'storage_controller', 'nic', 'other'))
);
--> statement-breakpoint
CREATE TABLE "server_processors" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"inventory_id" varchar(256) NOT NULL,
	"socket" varchar(128) DEFAULT '' NOT NULL,
	"manufacturer" varchar(256) DEFAULT '' NOT NULL,
	"model" varchar(256) DEFAULT '' NOT NULL,
	"total_cores" integer,
	"total_threads" integer,
	"max_speed_mhz" integer,
	"serial_number" varchar(256) DEFAULT '' NOT NULL,
	"part_number" varchar(256) DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_storages" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"inventory_id" varchar(256) NOT NULL,
	"name" varchar(256) DEFAULT '' NOT NULL,
	"controllers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"volumes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "name_set_by_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "node_id" integer;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "system_path" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "manager_path" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "manufacturer" varchar(128) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "manufacturer_reported" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "model" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "sku" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "serial_number" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "uuid" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "hostname" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "power_state" varchar(32) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "bios_version" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "bmc_firmware_version" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "processor_count" integer;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "processor_model" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "memory_gib" double precision;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "protected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "tags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "inventory_updated_at" timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "manufacturer" varchar(128) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "model" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "serial_number" varchar(256) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "management_ip" "inet";--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "port_count" integer;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_scan_range_id_scan_ranges_id_fk" FOREIGN KEY ("scan_range_id") REFERENCES "public"."scan_ranges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_auth_profile_id_auth_profiles_id_fk" FOREIGN KEY ("auth_profile_id") REFERENCES "public"."auth_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_credential_id_auth_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."auth_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_ethernet_interfaces" ADD CONSTRAINT "server_ethernet_interfaces_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_firmwares" ADD CONSTRAINT "server_firmwares_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_processors" ADD CONSTRAINT "server_processors_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_storages" ADD CONSTRAINT "server_storages_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nodes_status_index" ON "nodes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "nodes_scan_range_id_index" ON "nodes" USING btree ("scan_range_id");--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_server_id_index" ON "server_ethernet_interfaces" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_firmwares_server_id_index" ON "server_firmwares" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_processors_server_id_index" ON "server_processors" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_storages_server_id_index" ON "server_storages" USING btree ("server_id");--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "servers_node_id_index" ON "servers" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "servers_uuid_index" ON "servers" USING btree ("uuid");--> statement-breakpoint
CREATE INDEX "servers_serial_number_index" ON "servers" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "servers_name_index" ON "servers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "servers_manufacturer_model_index" ON "servers" USING btree ("manufacturer","model");