CREATE TABLE "sequences" (
	"kind" text NOT NULL,
	"scope_key" text NOT NULL,
	"period" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "sequences_kind_scope_key_period_pk" PRIMARY KEY("kind","scope_key","period")
);
--> statement-breakpoint
-- Hand-written (drizzle-kit cannot know it): carry the R-FIL-4 counters over, so codes already handed out are never handed out again.
INSERT INTO "sequences" ("kind", "scope_key", "period", "n") SELECT 'instrument_code', "county_code", to_char("day", 'YYYY-MM-DD'), "n" FROM "instrument_code_sequences";--> statement-breakpoint
DROP TABLE "instrument_code_sequences";
