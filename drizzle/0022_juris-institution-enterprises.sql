CREATE TABLE "stat_institution_enterprises" (
	"institution_id" bigint NOT NULL,
	"enterprise_id" bigint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stat_institution_enterprises_institution_id_enterprise_id_pk" PRIMARY KEY("institution_id","enterprise_id")
);
--> statement-breakpoint
DROP INDEX "stat_enterprise_filing_institution_idx";--> statement-breakpoint
CREATE INDEX "stat_institution_enterprises_zero_idx" ON "stat_institution_enterprises" USING btree ("n") WHERE "stat_institution_enterprises"."n" = 0;