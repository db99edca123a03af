-- Issue 14 #3: undated statistics tables for 申报企业 and the institution home figures (schema/statistics.ts).
-- IF NOT EXISTS: qjt_gen_10m holds them already from this branch before it was renumbered after main's 0020.
CREATE TABLE IF NOT EXISTS "stat_enterprise_filing" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"filing_status" "filing_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_enterprise_filing_pk" PRIMARY KEY("enterprise_id","county_code","institution_id","filing_status")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "stat_institution_enterprises" (
	"institution_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_institution_enterprises_institution_id_enterprise_id_pk" PRIMARY KEY("institution_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "stat_institution_totals" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"institution_id" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_institution_totals_county_code_institution_id_pk" PRIMARY KEY("county_code","institution_id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "stat_enterprise_filing_zero_idx" ON "stat_enterprise_filing" USING btree ("n") WHERE "stat_enterprise_filing"."n" = 0;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "stat_institution_enterprises_zero_idx" ON "stat_institution_enterprises" USING btree ("n") WHERE "stat_institution_enterprises"."n" = 0;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "stat_institution_totals_institution_idx" ON "stat_institution_totals" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "stat_institution_totals_zero_idx" ON "stat_institution_totals" USING btree ("n") WHERE "stat_institution_totals"."n" = 0;