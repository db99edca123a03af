-- Ledger searches of 1–2 characters (issue 14 #3): no trigram answers them, and testing every row of the
-- enterprise took 90–160 ms at 100,000 instruments. ledger_short_grams lists every character and every pair of
-- adjacent characters of the text, lower-cased, never across the ' ' that joins the columns (a trimmed search
-- of 1–2 characters holds no space): `grams @> array[lower(q)]` finds the rows whose text contains q through
-- a GIN index and the ILIKE of list-filter.ts decides, as for longer searches. plpgsql over the characters is
-- ~25 µs a row (a set-returning SQL version was ~200 µs: 200 s to index 1M rows). IMMUTABLE (lower, ||,
-- string_to_array are), as an index expression must be; COST tells the planner that testing it row by row is
-- dear, so that it reads the index instead.
CREATE OR REPLACE FUNCTION ledger_short_grams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
  chars text[] := string_to_array(lower(t), NULL);
  pairs text[] := '{}';
BEGIN
  FOR i IN 1 .. coalesce(array_length(chars, 1), 0) - 1 LOOP
    IF chars[i] <> ' ' AND chars[i + 1] <> ' ' THEN
      pairs := array_append(pairs, chars[i] || chars[i + 1]);
    END IF;
  END LOOP;
  RETURN array_remove(chars, ' ') || pairs;
END
$$;--> statement-breakpoint
DROP INDEX "instruments_enterprise_valid_idx";--> statement-breakpoint
DROP INDEX "instruments_enterprise_kind_idx";--> statement-breakpoint
CREATE INDEX "instruments_enterprise_short_search_idx" ON "instruments" USING gin ("enterprise_id",ledger_short_grams("serial_no" || ' ' || "name" || ' ' || "manufacturer"));--> statement-breakpoint
CREATE INDEX "instruments_enterprise_valid_idx" ON "instruments" USING btree ("enterprise_id","valid_until","id");--> statement-breakpoint
CREATE INDEX "instruments_enterprise_kind_idx" ON "instruments" USING btree ("enterprise_id","kind_id","id");
