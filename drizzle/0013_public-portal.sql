CREATE TABLE "public_lookups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "public_lookups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"found" boolean NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "public_rate_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "public_rate_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "instruments" ADD COLUMN "label_token" text;--> statement-breakpoint
CREATE INDEX "public_lookups_at_idx" ON "public_lookups" USING btree ("at");--> statement-breakpoint
CREATE INDEX "public_rate_counters_window_idx" ON "public_rate_counters" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_label_token_uq" ON "instruments" USING btree ("label_token");--> statement-breakpoint
CREATE INDEX "filings_filed_decided_idx" ON "filings" USING btree ("decided_at") WHERE "filings"."state" = 'filed';--> statement-breakpoint
CREATE INDEX "appointments_completed_idx" ON "appointments" USING btree ("completed_at") WHERE "appointments"."state" = 'completed';