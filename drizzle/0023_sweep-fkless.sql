-- Issue 14 (the daily sweep at 10M instruments): expiry_warnings.instrument_id keeps no foreign key to instruments.
-- Its row-level check ran once per inserted warning and took FOR KEY SHARE on the instrument (~500k rows a day at
-- 10M, dirtying their pages and writing WAL): about a third of the sweep's warning step. Every path that deletes
-- instruments deletes their warnings in the same transaction (src/server/services/ledger/delete-rows.ts).
-- Re-runnable: it may be applied by hand to a bench database.
ALTER TABLE "expiry_warnings" DROP CONSTRAINT IF EXISTS "expiry_warnings_instrument_id_instruments_id_fk";
