CREATE TYPE "public"."filing_return_reason" AS ENUM('incomplete', 'not_in_catalogue', 'other');--> statement-breakpoint
CREATE TYPE "public"."filing_state" AS ENUM('pending', 'assigned', 'filed', 'returned');--> statement-breakpoint
CREATE TABLE "instrument_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instrument_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instrument_id" bigint NOT NULL,
	"file_id" text NOT NULL,
	"slot" text NOT NULL,
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
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_assigned_institution_id_organisations_id_fk" FOREIGN KEY ("assigned_institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_capabilities" ADD CONSTRAINT "institution_capabilities_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_capabilities" ADD CONSTRAINT "institution_capabilities_kind_id_catalogue_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."catalogue_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_attachments_instrument_idx" ON "instrument_attachments" USING btree ("instrument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "filings_open_instrument_uq" ON "filings" USING btree ("instrument_id") WHERE "filings"."state" in ('pending', 'assigned');--> statement-breakpoint
CREATE INDEX "filings_instrument_idx" ON "filings" USING btree ("instrument_id","id");--> statement-breakpoint
CREATE INDEX "filings_institution_state_idx" ON "filings" USING btree ("institution_id","state","id");--> statement-breakpoint
CREATE INDEX "filings_assigned_state_idx" ON "filings" USING btree ("assigned_institution_id","state","id") WHERE "filings"."assigned_institution_id" is not null;--> statement-breakpoint
CREATE INDEX "filings_enterprise_state_idx" ON "filings" USING btree ("enterprise_id","state","id");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_capabilities_uq" ON "institution_capabilities" USING btree ("institution_id","kind_id","method");--> statement-breakpoint
CREATE INDEX "institution_capabilities_kind_idx" ON "institution_capabilities" USING btree ("kind_id","method") WHERE "institution_capabilities"."enabled";--> statement-breakpoint
CREATE INDEX "instruments_approved_no_valid_idx" ON "instruments" USING btree ("filing_approved_on") WHERE "instruments"."valid_until" is null and "instruments"."filing_approved_on" is not null;--> statement-breakpoint
CREATE INDEX "instruments_failed_since_idx" ON "instruments" USING btree ("failed_since") WHERE "instruments"."failed_since" is not null;