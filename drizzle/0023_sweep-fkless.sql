-- Issue 14 (the daily sweep at 10M instruments). Re-runnable: it may be applied by hand to a bench database.
-- 1. expiry_warnings.instrument_id keeps no foreign key to instruments. Its row-level check ran once per inserted
--    warning and took FOR KEY SHARE on the instrument (~500k rows a day at 10M, dirtying their pages and writing
--    WAL): about a third of the sweep's warning step. Every path that deletes instruments deletes their warnings
--    in the same transaction (src/server/services/ledger/delete-rows.ts).
ALTER TABLE "expiry_warnings" DROP CONSTRAINT IF EXISTS "expiry_warnings_instrument_id_instruments_id_fk";--> statement-breakpoint
-- 2. The (valid_until) index gains enterprise, id and status, so that the sweep's first read (which enterprises
--    have instruments due and not yet warned) reads no table page; same predicate, same leading column, so its
--    other uses keep it.
CREATE INDEX IF NOT EXISTS "instruments_valid_until_cover_idx" ON "instruments" USING btree ("valid_until","enterprise_id","id","status") WHERE "instruments"."valid_until" is not null;--> statement-breakpoint
DROP INDEX IF EXISTS "instruments_valid_until_idx";
