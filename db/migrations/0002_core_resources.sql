CREATE TABLE "auth_credentials" (
	"id" serial PRIMARY KEY NOT NULL,
	"auth_profile_id" integer NOT NULL,
	"username" varchar(256) NOT NULL,
	"password_ciphertext" "bytea" NOT NULL,
	"key_id" varchar(32) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"node_classification" varchar(256) NOT NULL,
	"bmc" varchar(32) DEFAULT 'redfish' NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scan_ranges" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"ip_from" varchar(15) NOT NULL,
	"ip_to" varchar(15) NOT NULL,
	"ports" integer[] DEFAULT '{443}' NOT NULL,
	"status" varchar(32) DEFAULT 'ready' NOT NULL,
	"last_scan_at" timestamp (6) with time zone,
	"last_scan_found" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scan_ranges_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "firmware_baseline_binaries" (
	"baseline_id" integer NOT NULL,
	"firmware_binary_id" integer NOT NULL,
	CONSTRAINT "firmware_baseline_binaries_baseline_id_firmware_binary_id_pk" PRIMARY KEY("baseline_id","firmware_binary_id")
);
--> statement-breakpoint
CREATE TABLE "firmware_baselines" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firmware_baselines_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "firmware_binaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"firmware_type" varchar(32) NOT NULL,
	"version" varchar(128) NOT NULL,
	"manufacturer" varchar(128) NOT NULL,
	"models" text[] DEFAULT '{}' NOT NULL,
	"location" text NOT NULL,
	"stored_path" text,
	"checksum" varchar(64) NOT NULL,
	"size" bigint NOT NULL,
	"release_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"group_id" integer NOT NULL,
	"parent_id" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "servers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"resource_pool_id" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "switches" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(256) NOT NULL,
	"resource_pool_id" integer,
	"created_at" timestamp (6) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_credentials" ADD CONSTRAINT "auth_credentials_auth_profile_id_auth_profiles_id_fk" FOREIGN KEY ("auth_profile_id") REFERENCES "public"."auth_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_baseline_binaries" ADD CONSTRAINT "firmware_baseline_binaries_baseline_id_firmware_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."firmware_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_baseline_binaries" ADD CONSTRAINT "firmware_baseline_binaries_firmware_binary_id_firmware_binaries_id_fk" FOREIGN KEY ("firmware_binary_id") REFERENCES "public"."firmware_binaries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_baselines" ADD CONSTRAINT "firmware_baselines_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_parent_id_pools_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_resource_pool_id_pools_id_fk" FOREIGN KEY ("resource_pool_id") REFERENCES "public"."pools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "switches" ADD CONSTRAINT "switches_resource_pool_id_pools_id_fk" FOREIGN KEY ("resource_pool_id") REFERENCES "public"."pools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_credentials_auth_profile_id_index" ON "auth_credentials" USING btree ("auth_profile_id");--> statement-breakpoint
CREATE INDEX "firmware_baseline_binaries_firmware_binary_id_index" ON "firmware_baseline_binaries" USING btree ("firmware_binary_id");--> statement-breakpoint
CREATE INDEX "firmware_binaries_firmware_type_index" ON "firmware_binaries" USING btree ("firmware_type");--> statement-breakpoint
CREATE INDEX "firmware_binaries_manufacturer_index" ON "firmware_binaries" USING btree ("manufacturer");--> statement-breakpoint
CREATE INDEX "pools_group_id_index" ON "pools" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "pools_parent_id_index" ON "pools" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "servers_resource_pool_id_index" ON "servers" USING btree ("resource_pool_id");--> statement-breakpoint
CREATE INDEX "switches_resource_pool_id_index" ON "switches" USING btree ("resource_pool_id");