CREATE TABLE "stat_enterprise_filing" (
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
CREATE TABLE "stat_institution_totals" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"institution_id" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_institution_totals_county_code_institution_id_pk" PRIMARY KEY("county_code","institution_id")
);
--> statement-breakpoint
CREATE INDEX "stat_enterprise_filing_institution_idx" ON "stat_enterprise_filing" USING btree ("institution_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "stat_enterprise_filing_zero_idx" ON "stat_enterprise_filing" USING btree ("n") WHERE "stat_enterprise_filing"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_institution_totals_institution_idx" ON "stat_institution_totals" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "stat_institution_totals_zero_idx" ON "stat_institution_totals" USING btree ("n") WHERE "stat_institution_totals"."n" = 0;