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
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_attachments" ADD CONSTRAINT "instrument_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_imports" ADD CONSTRAINT "ledger_imports_enterprise_id_organisations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instrument_attachments_instrument_idx" ON "instrument_attachments" USING btree ("instrument_id","slot");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_imports_enterprise_sha_uq" ON "ledger_imports" USING btree ("enterprise_id","sha256");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_name_idx" ON "instruments" USING btree ("enterprise_id","name","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_valid_sort_idx" ON "instruments" USING btree ("enterprise_id",coalesce("valid_until", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_dept_idx" ON "instruments" USING btree ("enterprise_id","department_id","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_serial_idx" ON "instruments" USING btree ("enterprise_id","serial_norm");