CREATE TYPE "public"."filing_status" AS ENUM('none', 'pending', 'assigned', 'filed', 'returned');--> statement-breakpoint
CREATE TYPE "public"."institution_kind" AS ENUM('legal', 'authorised');--> statement-breakpoint
CREATE TYPE "public"."instrument_status" AS ENUM('new', 'in_use', 'stopped', 'scrapped');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'member');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('pending', 'approved', 'rejected', 'removed');--> statement-breakpoint
CREATE TYPE "public"."method" AS ENUM('send_in', 'on_site');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('enterprise', 'institution', 'regulator', 'platform');--> statement-breakpoint
CREATE TYPE "public"."org_status" AS ENUM('pending', 'approved', 'rejected', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."origin" AS ENUM('domestic', 'imported');--> statement-breakpoint
CREATE TYPE "public"."purpose" AS ENUM('trade', 'safety', 'medical', 'environment');--> statement-breakpoint
CREATE TYPE "public"."regime" AS ENUM('periodic', 'first_only_limited_life', 'first_only');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."supervision" AS ENUM('P', 'V', 'P+V');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('enterprise', 'institution', 'regulator', 'admin', 'personal');--> statement-breakpoint
CREATE TYPE "public"."filing_return_reason" AS ENUM('incomplete', 'not_in_catalogue', 'other');--> statement-breakpoint
CREATE TYPE "public"."filing_state" AS ENUM('pending', 'assigned', 'filed', 'returned');--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" text,
	"province_code" text NOT NULL,
	"city_code" text
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"version_id" bigint NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_kinds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_kinds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"version_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"name" text NOT NULL,
	"supervision" "supervision" NOT NULL,
	"purposes" "purpose"[] DEFAULT '{}' NOT NULL,
	"regime" "regime",
	"period_months" integer,
	"service_life_years" integer,
	"notes" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"note" text,
	"imported_by" bigint,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"level" "region_level",
	"institution_kind" "institution_kind",
	"region_code" text,
	"province_code" text,
	"city_code" text,
	"county_code" text,
	"address" text,
	"enterprise_type" text,
	"legal_representative" text,
	"legal_representative_id_no" text,
	"contact_phone" text,
	"contact_email" text,
	"authorisation_cert_no" text,
	"authorisation_valid_until" date,
	"code" text,
	"status" "org_status" DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"reviewed_by" bigint,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"user_id" bigint,
	"ip" text,
	"success" boolean NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "memberships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"member_role" "member_role" DEFAULT 'member' NOT NULL,
	"status" "membership_status" DEFAULT 'pending' NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"org_id" bigint,
	"phone" text,
	"email" text,
	"id_number" text,
	"region_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" bigint,
	"actor_org_id" bigint,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instruments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"measuring_range" text,
	"accuracy_class" text,
	"serial_no" text NOT NULL,
	"own_no" text,
	"manufacturer" text NOT NULL,
	"origin" "origin",
	"install_location" text NOT NULL,
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"purchase_date" date,
	"status" "instrument_status" DEFAULT 'new' NOT NULL,
	"purpose" "purpose" NOT NULL,
	"instrument_type" text DEFAULT '工作计量器具' NOT NULL,
	"method" "method" NOT NULL,
	"kind_id" bigint NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"department_id" bigint,
	"institution_id" bigint,
	"instrument_code" text,
	"type_cert_no" text,
	"filing_status" "filing_status" DEFAULT 'none' NOT NULL,
	"flow_status" text,
	"certificate_no" text,
	"valid_until" date,
	"filing_approved_on" date,
	"failed_since" date,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"remark" text,
	"manufacturer_norm" text NOT NULL,
	"serial_norm" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" text PRIMARY KEY NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"ext" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" bigint,
	"owner_org_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "filings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instrument_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"assigned_institution_id" bigint,
	"state" "filing_state" DEFAULT 'pending' NOT NULL,
	"return_reason" "filing_return_reason",
	"return_text" text,
	"submitted_by" bigint,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"approved_on" date,
	"instrument_code" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_capabilities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "institution_capabilities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"institution_id" bigint NOT NULL,
	"kind_id" bigint NOT NULL,
	"method" "method" NOT NULL,
	"region_codes" text[] DEFAULT '{}' NOT NULL,
	"range_note" text,
	"daily_capacity" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_code_sequences" (
	"county_code" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "instrument_code_sequences_county_code_day_pk" PRIMARY KEY("county_code","day")
);
--> statement-breakpoint
CREATE TABLE "organisation_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisation_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"file_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sms_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"phone" text NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"user_id" bigint,
	"ip" text,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instrument_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instrument_id" bigint NOT NULL,
	"file_id" text NOT NULL,
	"slot" text DEFAULT 'general' NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enterprise_id" bigint NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_version_id_catalogue_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalogue_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_kinds" ADD CONSTRAINT "catalogue_kinds_version_id_catalogue_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalogue_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_kinds" ADD CONSTRAINT "catalogue_kinds_item_id_catalogue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_kind_id_catalogue_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."catalogue_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_assigned_institution_id_organisations_id_fk" FOREIGN KEY ("assigned_institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_capabilities" ADD CONSTRAINT "institution_capabilities_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_capabilities" ADD CONSTRAINT "institution_capabilities_kind_id_catalogue_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."catalogue_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD CONSTRAINT "organisation_documents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_documents" ADD CONSTRAINT "organisation_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_imports" ADD CONSTRAINT "ledger_imports_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_items_version_name_uq" ON "catalogue_items" USING btree ("version_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_kinds_item_name_uq" ON "catalogue_kinds" USING btree ("item_id","name");--> statement-breakpoint
CREATE INDEX "catalogue_kinds_version_idx" ON "catalogue_kinds" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_org_name_uq" ON "departments" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_uscc_uq" ON "organisations" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "organisations_kind_province_idx" ON "organisations" USING btree ("kind","province_code");--> statement-breakpoint
CREATE INDEX "organisations_kind_city_idx" ON "organisations" USING btree ("kind","city_code");--> statement-breakpoint
CREATE INDEX "organisations_kind_county_idx" ON "organisations" USING btree ("kind","county_code");--> statement-breakpoint
CREATE INDEX "organisations_kind_status_idx" ON "organisations" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "login_attempts_user_at_idx" ON "login_attempts" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "login_attempts_at_idx" ON "login_attempts" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_org_uq" ON "memberships" USING btree ("user_id","org_id");--> statement-breakpoint
CREATE INDEX "memberships_org_status_idx" ON "memberships" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_org_idx" ON "audit_log" USING btree ("actor_org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_enterprise_mfr_serial_uq" ON "instruments" USING btree ("enterprise_id","manufacturer_norm","serial_norm");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_code_uq" ON "instruments" USING btree ("instrument_code");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_id_idx" ON "instruments" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_status_idx" ON "instruments" USING btree ("enterprise_id","status","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_filing_idx" ON "instruments" USING btree ("enterprise_id","filing_status","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_valid_idx" ON "instruments" USING btree ("enterprise_id","valid_until");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_kind_idx" ON "instruments" USING btree ("enterprise_id","kind_id");--> statement-breakpoint
CREATE INDEX "instruments_tags_idx" ON "instruments" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_name_idx" ON "instruments" USING btree ("enterprise_id","name","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_valid_sort_idx" ON "instruments" USING btree ("enterprise_id",coalesce("valid_until", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_dept_idx" ON "instruments" USING btree ("enterprise_id","department_id","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_serial_idx" ON "instruments" USING btree ("enterprise_id","serial_norm");--> statement-breakpoint
CREATE INDEX "instruments_county_idx" ON "instruments" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "instruments_city_idx" ON "instruments" USING btree ("city_code","id");--> statement-breakpoint
CREATE INDEX "instruments_province_idx" ON "instruments" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "instruments_institution_idx" ON "instruments" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "instruments_valid_until_idx" ON "instruments" USING btree ("valid_until") WHERE "instruments"."valid_until" is not null;--> statement-breakpoint
CREATE INDEX "instruments_approved_no_valid_idx" ON "instruments" USING btree ("filing_approved_on") WHERE "instruments"."valid_until" is null and "instruments"."filing_approved_on" is not null;--> statement-breakpoint
CREATE INDEX "instruments_failed_since_idx" ON "instruments" USING btree ("failed_since") WHERE "instruments"."failed_since" is not null;--> statement-breakpoint
CREATE INDEX "files_owner_org_idx" ON "files" USING btree ("owner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_open_instrument_uq" ON "filings" USING btree ("instrument_id") WHERE "filings"."state" in ('pending', 'assigned');--> statement-breakpoint
CREATE INDEX "filings_instrument_idx" ON "filings" USING btree ("instrument_id","id");--> statement-breakpoint
CREATE INDEX "filings_institution_state_idx" ON "filings" USING btree ("institution_id","state","id");--> statement-breakpoint
CREATE INDEX "filings_assigned_state_idx" ON "filings" USING btree ("assigned_institution_id","state","id") WHERE "filings"."assigned_institution_id" is not null;--> statement-breakpoint
CREATE INDEX "filings_enterprise_state_idx" ON "filings" USING btree ("enterprise_id","state","id");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_capabilities_uq" ON "institution_capabilities" USING btree ("institution_id","kind_id","method");--> statement-breakpoint
CREATE INDEX "institution_capabilities_kind_idx" ON "institution_capabilities" USING btree ("kind_id","method") WHERE "institution_capabilities"."enabled";--> statement-breakpoint
CREATE INDEX "organisation_documents_org_idx" ON "organisation_documents" USING btree ("org_id","kind","id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_documents_file_uq" ON "organisation_documents" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("recipient","id");--> statement-breakpoint
CREATE INDEX "sms_codes_phone_idx" ON "sms_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "sms_codes_ip_idx" ON "sms_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "instrument_attachments_instrument_idx" ON "instrument_attachments" USING btree ("instrument_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_imports_enterprise_sha_uq" ON "ledger_imports" USING btree ("enterprise_id","sha256");