CREATE TABLE "stat_enterprise_totals" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_enterprise_totals_county_code_enterprise_id_pk" PRIMARY KEY("county_code","enterprise_id")
);
--> statement-breakpoint
CREATE INDEX "stat_enterprise_totals_page_idx" ON "stat_enterprise_totals" USING btree ("county_code","n" DESC NULLS LAST,"enterprise_id");--> statement-breakpoint
CREATE INDEX "stat_enterprise_totals_zero_idx" ON "stat_enterprise_totals" USING btree ("n") WHERE "stat_enterprise_totals"."n" = 0;