CREATE TYPE "public"."appointment_item_state" AS ENUM('booked', 'received', 'done', 'cancelled', 'returned');--> statement-breakpoint
CREATE TYPE "public"."appointment_state" AS ENUM('draft', 'submitted', 'confirmed', 'rescheduled', 'rejected', 'received', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."certificate_kind" AS ENUM('certificate', 'fail_notice');--> statement-breakpoint
CREATE TYPE "public"."certificate_state" AS ENUM('issued', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."verdict" AS ENUM('pass', 'fail');--> statement-breakpoint
CREATE TABLE "appointment_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointment_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"appointment_id" bigint NOT NULL,
	"instrument_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"state" "appointment_item_state" DEFAULT 'booked' NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone,
	"received_by" bigint,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"method" "method" NOT NULL,
	"state" "appointment_state" DEFAULT 'draft' NOT NULL,
	"day" date NOT NULL,
	"slot_id" bigint NOT NULL,
	"slot_label" text NOT NULL,
	"slot_start" text NOT NULL,
	"slot_end" text NOT NULL,
	"instrument_count" integer DEFAULT 0 NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"site_address" text,
	"remark" text,
	"reject_reason" text,
	"reject_cancelled_filings" boolean DEFAULT false NOT NULL,
	"reschedule_reason" text,
	"created_by" bigint,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "certificate_kind" NOT NULL,
	"number" text NOT NULL,
	"token" text NOT NULL,
	"state" "certificate_state" DEFAULT 'issued' NOT NULL,
	"result_id" bigint NOT NULL,
	"instrument_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"appointment_id" bigint NOT NULL,
	"issued_on" date NOT NULL,
	"verified_on" date NOT NULL,
	"valid_until" date,
	"snapshot" jsonb NOT NULL,
	"pdf_sha256" text,
	"replaces_id" bigint,
	"revoked_at" timestamp with time zone,
	"revoked_by" bigint,
	"revoke_reason" text,
	"issued_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"appointment_item_id" bigint NOT NULL,
	"appointment_id" bigint NOT NULL,
	"instrument_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"verdict" "verdict" NOT NULL,
	"verified_on" date NOT NULL,
	"valid_until" date,
	"verifier" text NOT NULL,
	"checker" text NOT NULL,
	"approver" text NOT NULL,
	"conclusion" text,
	"fee_cents" integer,
	"fee_note" text,
	"fee_paid_at" timestamp with time zone,
	"fee_paid_by" bigint,
	"recorded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_valid_after_verified" CHECK ("results"."valid_until" is null or "results"."valid_until" >= "results"."verified_on"),
	CONSTRAINT "results_fee_nonneg" CHECK ("results"."fee_cents" is null or "results"."fee_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "slot_usage" (
	"institution_id" bigint NOT NULL,
	"day" date NOT NULL,
	"slot_id" bigint NOT NULL,
	"method" "method" NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "slot_usage_institution_id_day_slot_id_method_pk" PRIMARY KEY("institution_id","day","slot_id","method"),
	CONSTRAINT "slot_usage_used_nonneg" CHECK ("slot_usage"."used" >= 0)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "certificate_no_template" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "fail_notice_no_template" text;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_items" ADD CONSTRAINT "appointment_items_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_items" ADD CONSTRAINT "appointment_items_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_items" ADD CONSTRAINT "appointment_items_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_appointment_item_id_appointment_items_id_fk" FOREIGN KEY ("appointment_item_id") REFERENCES "public"."appointment_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_usage" ADD CONSTRAINT "slot_usage_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_usage" ADD CONSTRAINT "slot_usage_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_items_appointment_instrument_uq" ON "appointment_items" USING btree ("appointment_id","instrument_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_items_open_instrument_uq" ON "appointment_items" USING btree ("instrument_id") WHERE "appointment_items"."state" in ('booked', 'received');--> statement-breakpoint
CREATE INDEX "appointment_items_instrument_idx" ON "appointment_items" USING btree ("instrument_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_number_uq" ON "appointments" USING btree ("number");--> statement-breakpoint
CREATE INDEX "appointments_enterprise_state_idx" ON "appointments" USING btree ("enterprise_id","state","id");--> statement-breakpoint
CREATE INDEX "appointments_enterprise_idx" ON "appointments" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "appointments_institution_state_day_idx" ON "appointments" USING btree ("institution_id","state","day","id") WHERE "appointments"."state" <> 'draft';--> statement-breakpoint
CREATE INDEX "appointments_institution_day_idx" ON "appointments" USING btree ("institution_id","day","id") WHERE "appointments"."state" <> 'draft';--> statement-breakpoint
CREATE INDEX "appointments_institution_idx" ON "appointments" USING btree ("institution_id","id") WHERE "appointments"."state" <> 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_token_uq" ON "certificates" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_live_result_uq" ON "certificates" USING btree ("result_id") WHERE "certificates"."state" = 'issued';--> statement-breakpoint
CREATE INDEX "certificates_enterprise_idx" ON "certificates" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "certificates_institution_idx" ON "certificates" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "certificates_instrument_idx" ON "certificates" USING btree ("instrument_id","id");--> statement-breakpoint
CREATE INDEX "certificates_appointment_idx" ON "certificates" USING btree ("appointment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "results_item_uq" ON "results" USING btree ("appointment_item_id");--> statement-breakpoint
CREATE INDEX "results_institution_idx" ON "results" USING btree ("institution_id","id");--> statement-breakpoint
CREATE INDEX "results_institution_day_idx" ON "results" USING btree ("institution_id","verified_on");--> statement-breakpoint
CREATE INDEX "results_enterprise_idx" ON "results" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "results_instrument_idx" ON "results" USING btree ("instrument_id","id");--> statement-breakpoint
CREATE INDEX "results_appointment_idx" ON "results" USING btree ("appointment_id","id");