CREATE TYPE "public"."notice_kind" AS ENUM('notice', 'publicity');--> statement-breakpoint
CREATE TYPE "public"."notice_state" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "dispenser_details" (
	"instrument_id" bigint PRIMARY KEY NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"nozzle_count" integer NOT NULL,
	"mcu_version" text NOT NULL,
	"encoder_version" text NOT NULL,
	"anti_cheat_version" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notice_id" bigint NOT NULL,
	"file_id" text NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"regulator_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"city_code" text,
	"county_code" text,
	"kind" "notice_kind" DEFAULT 'notice' NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"state" "notice_state" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispenser_details" ADD CONSTRAINT "dispenser_details_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispenser_details" ADD CONSTRAINT "dispenser_details_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_attachments" ADD CONSTRAINT "notice_attachments_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_attachments" ADD CONSTRAINT "notice_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_regulator_id_organisations_id_fk" FOREIGN KEY ("regulator_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispenser_details_enterprise_idx" ON "dispenser_details" USING btree ("enterprise_id","instrument_id");--> statement-breakpoint
CREATE INDEX "dispenser_details_mcu_idx" ON "dispenser_details" USING btree ("mcu_version","instrument_id");--> statement-breakpoint
CREATE INDEX "dispenser_details_encoder_idx" ON "dispenser_details" USING btree ("encoder_version","instrument_id");--> statement-breakpoint
CREATE INDEX "dispenser_details_anti_cheat_idx" ON "dispenser_details" USING btree ("anti_cheat_version","instrument_id");--> statement-breakpoint
CREATE INDEX "notice_attachments_notice_idx" ON "notice_attachments" USING btree ("notice_id","id");--> statement-breakpoint
CREATE INDEX "notices_published_idx" ON "notices" USING btree ("published_at","id") WHERE "notices"."state" = 'published';--> statement-breakpoint
CREATE INDEX "notices_province_idx" ON "notices" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "notices_city_idx" ON "notices" USING btree ("city_code","id");--> statement-breakpoint
CREATE INDEX "notices_county_idx" ON "notices" USING btree ("county_code","id");--> statement-breakpoint
CREATE INDEX "instruments_mfr_serial_idx" ON "instruments" USING btree ("manufacturer_norm","serial_norm","enterprise_id");--> statement-breakpoint
CREATE INDEX "filings_open_idx" ON "filings" USING btree ("id") WHERE "filings"."state" in ('pending', 'assigned');--> statement-breakpoint
CREATE INDEX "appointments_movable_idx" ON "appointments" USING btree ("id") WHERE "appointments"."state" in ('submitted', 'confirmed', 'rescheduled');