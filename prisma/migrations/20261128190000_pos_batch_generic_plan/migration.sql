-- record_pos_transactions planned once per connection instead of on every call. Planning all of its statements for
-- each batch (force_custom_plan) took about 1.4 ms of a 1.9 ms call for one row: most of a sale's time in the
-- database at low load, and PostgreSQL CPU taken from the server on a shared machine at high load.
-- A generic plan is made once and kept, whatever the tables grow to. So:
-- * the counters are only touched through INSERT ... ON CONFLICT on their primary key (the arbiter index, never a
--   scan), which also locks them and returns their counts;
-- * the one lookup whose best plan depends on the table, stored references, is an EXECUTE, planned on each call
--   with the batch's values and the table's current size (a small statement: about 0.1 ms). As a generic plan made
--   while "UsageEvent" was small, it read the business's events through (businessId, occurredAt) and filtered
--   them: the two indexes cost the same on a small table.

-- One batch of POS transactions in one round trip (lib/usage/write-transactions.ts).
-- 1. Add the batch's rows to the month's counters of its businesses (creating missing ones), in business order so
--    that concurrent batches cannot deadlock. This locks them: per business, everything below is serialized. The
--    count before the batch is what the counter returns less the batch's rows.
-- 2. In a statement of its own, whose snapshot is taken once the locks are held (so it sees every event
--    committed by the batches it waited for), look up the stored references.
-- 3. Tell stored references (duplicate, or conflict when the request differs), apply the monthly limit in arrival
--    order, insert the admitted events, and take back from the counters the rows that were not inserted (usually
--    none, so a counter is written once per batch).
--    A repeat of a reference within the batch follows the first occurrence.
-- Returns one row per input row, in input order. A reference inserted meanwhile under another month's counter
-- (only possible at the month boundary) raises a unique violation: the caller then retries row by row.
CREATE OR REPLACE FUNCTION record_pos_transactions(
  p_ids text[], p_business_ids text[], p_api_key_ids text[], p_references text[], p_amounts bigint[],
  p_currencies text[], p_types text[], p_terminal_ids text[], p_data text[], p_occurred_at timestamptz[],
  p_hashes text[], p_limits int[], p_event_type text, p_period text)
RETURNS TABLE (idx int, outcome text, event_id text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $fn$
DECLARE
  v_businesses text[];
  v_sizes int[];
  v_counts int[];
  v_stored_businesses text[];
  v_stored_references text[];
  v_stored_ids text[];
  v_stored_hashes text[];
BEGIN
  WITH batch AS (
    SELECT b, count(*)::int AS n FROM unnest(p_business_ids) AS b GROUP BY b
  ),
  counted AS (
    INSERT INTO "UsageCounter" AS c ("businessId", metric, period, count, "updatedAt")
    SELECT b, p_event_type, p_period, n, now() FROM batch ORDER BY b
    ON CONFLICT ("businessId", metric, period) DO UPDATE SET count = c.count + excluded.count, "updatedAt" = excluded."updatedAt"
    RETURNING c."businessId" AS b, c.count
  )
  SELECT array_agg(batch.b), array_agg(batch.n), array_agg(counted.count - batch.n) INTO v_businesses, v_sizes, v_counts
  FROM counted JOIN batch USING (b);

  EXECUTE $lookup$
    SELECT array_agg(e."businessId"), array_agg(e.reference), array_agg(e.id), array_agg(e."requestHash")
    FROM "UsageEvent" e
    WHERE e."eventType" = $1 AND (e."businessId", e.reference) IN (SELECT * FROM unnest($2::text[], $3::text[]))
  $lookup$
  INTO v_stored_businesses, v_stored_references, v_stored_ids, v_stored_hashes
  USING p_event_type, p_business_ids, p_references;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(p_ids, p_business_ids, p_api_key_ids, p_references, p_amounts, p_currencies, p_types,
                         p_terminal_ids, p_data, p_occurred_at, p_hashes, p_limits)
      WITH ORDINALITY AS t(id, b, k, ref, amount, cur, typ, term, payload, at, hash, lim, n)
  ),
  stored AS (
    SELECT * FROM unnest(v_stored_businesses, v_stored_references, v_stored_ids, v_stored_hashes) AS s(b, ref, id, hash)
  ),
  ranked AS MATERIALIZED (
    SELECT f.*, row_number() OVER (PARTITION BY f.b ORDER BY f.n) AS rank
    FROM (
      SELECT DISTINCT ON (i.b, i.ref) i.* FROM input i
      WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.b = i.b AND s.ref = i.ref)
      ORDER BY i.b, i.ref, i.n
    ) AS f
  ),
  admitted AS (
    SELECT r.* FROM ranked r
    JOIN unnest(v_businesses, v_counts) AS c(b, count) ON c.b = r.b
    WHERE r.lim = -1 OR c.count + r.rank <= r.lim
  ),
  added AS (
    INSERT INTO "UsageEvent" (id, "businessId", "apiKeyId", "eventType", reference, "requestHash", quantity, "amountCents",
                              currency, "transactionType", "terminalId", data, "occurredAt", "createdAt")
    SELECT a.id, a.b, a.k, p_event_type, a.ref, a.hash, 1, a.amount, a.cur, a.typ, a.term, a.payload::jsonb, a.at, now()
    FROM admitted a
    RETURNING "businessId"
  ),
  per_business AS MATERIALIZED (
    SELECT "businessId" AS b, count(*)::int AS added FROM added GROUP BY 1
  ),
  -- The counter rows exist and are locked by this transaction (step 1): this only ever takes the conflict path.
  taken_back AS (
    INSERT INTO "UsageCounter" AS c ("businessId", metric, period, count, "updatedAt")
    SELECT s.b, p_event_type, p_period, s.n - coalesce(p.added, 0), now()
    FROM unnest(v_businesses, v_sizes) AS s(b, n) LEFT JOIN per_business p ON p.b = s.b
    WHERE s.n > coalesce(p.added, 0)
    ON CONFLICT ("businessId", metric, period) DO UPDATE SET count = c.count - excluded.count
    RETURNING 1
  )
  SELECT i.n::int,
    CASE
      WHEN s.id IS NOT NULL THEN CASE WHEN s.hash IS NULL OR s.hash = i.hash THEN 'duplicate' ELSE 'conflict' END
      WHEN a.id = i.id THEN 'created'
      WHEN a.id IS NOT NULL THEN CASE WHEN a.hash = i.hash THEN 'duplicate' ELSE 'conflict' END
      ELSE 'over_limit'
    END,
    coalesce(s.id, a.id)
  FROM input i
  LEFT JOIN stored s ON s.b = i.b AND s.ref = i.ref
  LEFT JOIN admitted a ON a.b = i.b AND a.ref = i.ref
  ORDER BY i.n;
END
$fn$;
