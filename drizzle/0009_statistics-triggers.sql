-- Hand-written (issue 12 item 1, R-STAT-1): keeps the statistics layer (schema/statistics.ts) current with
-- statement-level triggers over transition tables. Each statement's changed rows are turned into +1 (new) and
-- −1 (old) contributions, grouped by the cells' keys and added to the cells in one set-based upsert per table
-- (a bulk import of 10,000 instruments is one trigger call and a few grouped upserts, never a per-row trigger).
-- Then the cells that fell to zero are removed. Finally the existing rows are counted in (backfill).

-- The statement text is built by a function and EXECUTEd by the trigger function itself: transition tables are
-- visible only to queries run directly by the trigger function, not inside functions it calls.
CREATE FUNCTION stat_instruments_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH r AS (%s),
    d AS (
      SELECT r.province_code, r.city_code, r.county_code, r.enterprise_id,
        coalesce(r.institution_id, 0) AS institution_id, k.item_id, r.purpose,
        r.filing_status = 'filed' AS filed, r.failed_since IS NOT NULL AS failed,
        CASE WHEN r.valid_until IS NOT NULL THEN 'v' WHEN r.filing_approved_on IS NOT NULL THEN 'a' ELSE 'u' END AS day_kind,
        coalesce(r.valid_until, r.filing_approved_on, date '2000-01-01') AS day, r.s
      FROM r JOIN catalogue_kinds k ON k.id = r.kind_id
    ),
    c AS (
      SELECT d.province_code, d.city_code, d.county_code, d.enterprise_id, d.institution_id, d.item_id, d.purpose,
        d.filed, d.failed, d.day_kind, g.fine, g.day, d.s
      FROM d CROSS JOIN LATERAL (VALUES (true, d.day), (false, date_trunc('month', d.day)::date)) AS g(fine, day)
      WHERE g.fine = false OR d.day_kind <> 'u'
    ),
    up_full AS (
      INSERT INTO stat_instrument_cells AS t (province_code, city_code, county_code, institution_id, item_id, purpose, filed, failed, day_kind, fine, day, n)
      SELECT province_code, city_code, county_code, institution_id, item_id, purpose, filed, failed, day_kind, fine, day, sum(s)
      FROM c GROUP BY province_code, city_code, county_code, institution_id, item_id, purpose, filed, failed, day_kind, fine, day
      HAVING sum(s) <> 0 ORDER BY county_code, institution_id, item_id, purpose, filed, failed, day_kind, fine, day
      ON CONFLICT (county_code, institution_id, item_id, purpose, filed, failed, day_kind, fine, day) DO UPDATE SET n = t.n + excluded.n
    ),
    up_region AS (
      INSERT INTO stat_region_cells AS t (province_code, city_code, county_code, filed, failed, day_kind, fine, day, n)
      SELECT province_code, city_code, county_code, filed, failed, day_kind, fine, day, sum(s)
      FROM c GROUP BY province_code, city_code, county_code, filed, failed, day_kind, fine, day
      HAVING sum(s) <> 0 ORDER BY county_code, filed, failed, day_kind, fine, day
      ON CONFLICT (county_code, filed, failed, day_kind, fine, day) DO UPDATE SET n = t.n + excluded.n
    ),
    up_city AS (
      INSERT INTO stat_city_cells AS t (province_code, city_code, filed, failed, day_kind, fine, day, n)
      SELECT province_code, city_code, filed, failed, day_kind, fine, day, sum(s)
      FROM c GROUP BY province_code, city_code, filed, failed, day_kind, fine, day
      HAVING sum(s) <> 0 ORDER BY city_code, filed, failed, day_kind, fine, day
      ON CONFLICT (city_code, filed, failed, day_kind, fine, day) DO UPDATE SET n = t.n + excluded.n
    ),
    up_enterprise_region AS (
      INSERT INTO stat_enterprise_region_cells AS t (province_code, city_code, county_code, enterprise_id, filed, failed, day_kind, fine, day, n)
      SELECT province_code, city_code, county_code, enterprise_id, filed, failed, day_kind, fine, day, sum(s)
      FROM c GROUP BY province_code, city_code, county_code, enterprise_id, filed, failed, day_kind, fine, day
      HAVING sum(s) <> 0 ORDER BY county_code, enterprise_id, filed, failed, day_kind, fine, day
      ON CONFLICT (county_code, enterprise_id, filed, failed, day_kind, fine, day) DO UPDATE SET n = t.n + excluded.n
    )
    INSERT INTO stat_enterprise_cells AS t (province_code, city_code, county_code, enterprise_id, institution_id, item_id, purpose, filed, failed, day_kind, fine, day, n)
    SELECT province_code, city_code, county_code, enterprise_id, institution_id, item_id, purpose, filed, failed, day_kind, fine, day, sum(s)
    FROM c GROUP BY province_code, city_code, county_code, enterprise_id, institution_id, item_id, purpose, filed, failed, day_kind, fine, day
    HAVING sum(s) <> 0 ORDER BY county_code, enterprise_id, institution_id, item_id, purpose, filed, failed, day_kind, fine, day
    ON CONFLICT (county_code, enterprise_id, institution_id, item_id, purpose, filed, failed, day_kind, fine, day) DO UPDATE SET n = t.n + excluded.n
  $q$, src)
$fn$;
--> statement-breakpoint
CREATE FUNCTION stat_results_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH r AS (%s)
    INSERT INTO stat_verification_cells AS t (province_code, city_code, county_code, institution_id, item_id, purpose, month, verdict, n)
    SELECT i.province_code, i.city_code, i.county_code, r.institution_id, k.item_id, i.purpose,
      date_trunc('month', r.verified_on)::date, r.verdict, sum(r.s)
    FROM r JOIN instruments i ON i.id = r.instrument_id JOIN catalogue_kinds k ON k.id = i.kind_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(r.s) <> 0 ORDER BY 3, 4, 5, 6, 7, 8
    ON CONFLICT (county_code, institution_id, item_id, purpose, month, verdict) DO UPDATE SET n = t.n + excluded.n
  $q$, src)
$fn$;
--> statement-breakpoint
CREATE FUNCTION stat_instruments_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE stat_instruments_sql('SELECT *, 1 AS s FROM stat_new');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE stat_instruments_sql('SELECT *, -1 AS s FROM stat_old');
  ELSE
    EXECUTE stat_instruments_sql('SELECT *, 1 AS s FROM stat_new UNION ALL SELECT *, -1 AS s FROM stat_old');
  END IF;
  DELETE FROM stat_instrument_cells WHERE n = 0;
  DELETE FROM stat_region_cells WHERE n = 0;
  DELETE FROM stat_enterprise_cells WHERE n = 0;
  DELETE FROM stat_city_cells WHERE n = 0;
  DELETE FROM stat_enterprise_region_cells WHERE n = 0;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION stat_results_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE stat_results_sql('SELECT instrument_id, institution_id, verified_on, verdict, 1 AS s FROM stat_new');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE stat_results_sql('SELECT instrument_id, institution_id, verified_on, verdict, -1 AS s FROM stat_old');
  ELSE
    EXECUTE stat_results_sql('SELECT instrument_id, institution_id, verified_on, verdict, 1 AS s FROM stat_new UNION ALL SELECT instrument_id, institution_id, verified_on, verdict, -1 AS s FROM stat_old');
  END IF;
  DELETE FROM stat_verification_cells WHERE n = 0;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER stat_instruments_insert AFTER INSERT ON instruments REFERENCING NEW TABLE AS stat_new FOR EACH STATEMENT EXECUTE FUNCTION stat_instruments_trigger();
--> statement-breakpoint
CREATE TRIGGER stat_instruments_update AFTER UPDATE ON instruments REFERENCING OLD TABLE AS stat_old NEW TABLE AS stat_new FOR EACH STATEMENT EXECUTE FUNCTION stat_instruments_trigger();
--> statement-breakpoint
CREATE TRIGGER stat_instruments_delete AFTER DELETE ON instruments REFERENCING OLD TABLE AS stat_old FOR EACH STATEMENT EXECUTE FUNCTION stat_instruments_trigger();
--> statement-breakpoint
CREATE TRIGGER stat_results_insert AFTER INSERT ON results REFERENCING NEW TABLE AS stat_new FOR EACH STATEMENT EXECUTE FUNCTION stat_results_trigger();
--> statement-breakpoint
CREATE TRIGGER stat_results_update AFTER UPDATE ON results REFERENCING OLD TABLE AS stat_old NEW TABLE AS stat_new FOR EACH STATEMENT EXECUTE FUNCTION stat_results_trigger();
--> statement-breakpoint
CREATE TRIGGER stat_results_delete AFTER DELETE ON results REFERENCING OLD TABLE AS stat_old FOR EACH STATEMENT EXECUTE FUNCTION stat_results_trigger();
--> statement-breakpoint
-- Backfill: count in what exists (the same code path as a bulk insert).
DO $do$ BEGIN EXECUTE stat_instruments_sql('SELECT *, 1 AS s FROM instruments'); END $do$;
--> statement-breakpoint
DO $do$ BEGIN EXECUTE stat_results_sql('SELECT instrument_id, institution_id, verified_on, verdict, 1 AS s FROM results'); END $do$;
