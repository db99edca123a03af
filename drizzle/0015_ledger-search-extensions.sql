-- Ledger text search and tag filters scoped to one enterprise (issue 14 item 3): trigram operator classes
-- (pg_trgm) and btree operator classes for GIN (btree_gin), so one GIN index holds (enterprise_id, text).
-- Both are trusted extensions on PostgreSQL ≥ 13 and ship with PGlite (src/server/db/open.ts loads them).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
