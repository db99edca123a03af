CREATE TABLE "stat_city_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"filed" boolean NOT NULL,
	"failed" boolean NOT NULL,
	"day_kind" char(1) NOT NULL,
	"fine" boolean NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_city_cells_city_code_filed_failed_day_kind_fine_day_pk" PRIMARY KEY("city_code","filed","failed","day_kind","fine","day")
);
--> statement-breakpoint
CREATE TABLE "stat_enterprise_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"institution_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"purpose" "purpose" NOT NULL,
	"filed" boolean NOT NULL,
	"failed" boolean NOT NULL,
	"day_kind" char(1) NOT NULL,
	"fine" boolean NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_enterprise_cells_county_code_enterprise_id_institution_id_item_id_purpose_filed_failed_day_kind_fine_day_pk" PRIMARY KEY("county_code","enterprise_id","institution_id","item_id","purpose","filed","failed","day_kind","fine","day")
);
--> statement-breakpoint
CREATE TABLE "stat_enterprise_region_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"filed" boolean NOT NULL,
	"failed" boolean NOT NULL,
	"day_kind" char(1) NOT NULL,
	"fine" boolean NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_enterprise_region_cells_county_code_enterprise_id_filed_failed_day_kind_fine_day_pk" PRIMARY KEY("county_code","enterprise_id","filed","failed","day_kind","fine","day")
);
--> statement-breakpoint
CREATE TABLE "stat_instrument_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"institution_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"purpose" "purpose" NOT NULL,
	"filed" boolean NOT NULL,
	"failed" boolean NOT NULL,
	"day_kind" char(1) NOT NULL,
	"fine" boolean NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_instrument_cells_county_code_institution_id_item_id_purpose_filed_failed_day_kind_fine_day_pk" PRIMARY KEY("county_code","institution_id","item_id","purpose","filed","failed","day_kind","fine","day")
);
--> statement-breakpoint
CREATE TABLE "stat_region_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"filed" boolean NOT NULL,
	"failed" boolean NOT NULL,
	"day_kind" char(1) NOT NULL,
	"fine" boolean NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_region_cells_county_code_filed_failed_day_kind_fine_day_pk" PRIMARY KEY("county_code","filed","failed","day_kind","fine","day")
);
--> statement-breakpoint
CREATE TABLE "stat_verification_cells" (
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"county_code" text NOT NULL,
	"institution_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"purpose" "purpose" NOT NULL,
	"month" date NOT NULL,
	"verdict" "verdict" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_verification_cells_county_code_institution_id_item_id_purpose_month_verdict_pk" PRIMARY KEY("county_code","institution_id","item_id","purpose","month","verdict")
);
--> statement-breakpoint
CREATE INDEX "stat_city_cells_province_idx" ON "stat_city_cells" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "stat_city_cells_zero_idx" ON "stat_city_cells" USING btree ("n") WHERE "stat_city_cells"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_enterprise_cells_zero_idx" ON "stat_enterprise_cells" USING btree ("n") WHERE "stat_enterprise_cells"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_enterprise_region_cells_zero_idx" ON "stat_enterprise_region_cells" USING btree ("n") WHERE "stat_enterprise_region_cells"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_instrument_cells_city_idx" ON "stat_instrument_cells" USING btree ("city_code");--> statement-breakpoint
CREATE INDEX "stat_instrument_cells_province_idx" ON "stat_instrument_cells" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "stat_instrument_cells_institution_idx" ON "stat_instrument_cells" USING btree ("institution_id","fine","day");--> statement-breakpoint
CREATE INDEX "stat_instrument_cells_item_idx" ON "stat_instrument_cells" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "stat_instrument_cells_zero_idx" ON "stat_instrument_cells" USING btree ("n") WHERE "stat_instrument_cells"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_region_cells_city_idx" ON "stat_region_cells" USING btree ("city_code");--> statement-breakpoint
CREATE INDEX "stat_region_cells_province_idx" ON "stat_region_cells" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "stat_region_cells_zero_idx" ON "stat_region_cells" USING btree ("n") WHERE "stat_region_cells"."n" = 0;--> statement-breakpoint
CREATE INDEX "stat_verification_cells_city_idx" ON "stat_verification_cells" USING btree ("city_code","month");--> statement-breakpoint
CREATE INDEX "stat_verification_cells_province_idx" ON "stat_verification_cells" USING btree ("province_code","month");--> statement-breakpoint
CREATE INDEX "stat_verification_cells_institution_idx" ON "stat_verification_cells" USING btree ("institution_id","month");--> statement-breakpoint
CREATE INDEX "stat_verification_cells_zero_idx" ON "stat_verification_cells" USING btree ("n") WHERE "stat_verification_cells"."n" = 0;