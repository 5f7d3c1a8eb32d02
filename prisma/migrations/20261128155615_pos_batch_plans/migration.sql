-- record_pos_transactions with plans that stay fast whatever the statistics say (never analyzed, stale, or a
-- generic plan): measured on a never-analyzed database, a batch of 50 took 10-57 ms, from
-- * the duplicate check scanning every event of the business through (businessId, eventType, occurredAt), which
--   matches two of the unique key's three columns: that index becomes (businessId, occurredAt), so only the
--   unique key fits;
-- * the monthly limit joining the ranked batch to "UsageCounter" in a nested loop, re-ranking the batch once per
--   counter row: the counts are now read by the locking statement itself, and the ranking and per-business
--   totals are materialized, so no join can re-run them.

-- DropIndex
DROP INDEX "UsageEvent_businessId_eventType_occurredAt_idx";

-- CreateIndex
CREATE INDEX "UsageEvent_businessId_occurredAt_idx" ON "UsageEvent"("businessId", "occurredAt");

-- One batch of POS transactions in one round trip (lib/usage/write-transactions.ts).
-- 1. Create the month's missing counter rows, then lock the batch's and read their counts, in business order so
--    that concurrent batches cannot deadlock. Per business, everything below is then serialized, and a locked row
--    is read as last committed.
-- 2. In a statement of its own, whose snapshot is taken once the locks are held (so it sees every event
--    committed by the batches it waited for): tell stored references (duplicate, or conflict when the request
--    differs), apply the monthly limit in arrival order, insert the admitted events and add them to the
--    counters. A repeat of a reference within the batch follows the first occurrence.
-- Returns one row per input row, in input order. A reference inserted meanwhile under another month's counter
-- (only possible at the month boundary) raises a unique violation: the caller then retries row by row.
CREATE OR REPLACE FUNCTION record_pos_transactions(
  p_ids text[], p_business_ids text[], p_api_key_ids text[], p_references text[], p_amounts bigint[],
  p_currencies text[], p_types text[], p_terminal_ids text[], p_data text[], p_occurred_at timestamptz[],
  p_hashes text[], p_limits int[], p_event_type text, p_period text)
RETURNS TABLE (idx int, outcome text, event_id text)
-- Planned for each call with the batch's own arrays and the tables' current size. A generic plan (which PostgreSQL
-- switches to by itself after five calls) is made once per connection: made while "UsageEvent" was small it
-- scans the table for duplicates, and keeps doing so on that connection as the table grows.
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
DECLARE
  v_businesses text[];
  v_counts int[];
BEGIN
  INSERT INTO "UsageCounter" ("businessId", metric, period, count, "updatedAt")
  SELECT b, p_event_type, p_period, 0, now() FROM (SELECT DISTINCT unnest(p_business_ids) AS b) AS batch ORDER BY b
  ON CONFLICT ("businessId", metric, period) DO NOTHING;

  SELECT array_agg(locked.b), array_agg(locked.count) INTO v_businesses, v_counts
  FROM (
    SELECT c."businessId" AS b, c.count FROM "UsageCounter" c
    WHERE c."businessId" = ANY (p_business_ids) AND c.metric = p_event_type AND c.period = p_period
    ORDER BY c."businessId" FOR UPDATE
  ) AS locked;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(p_ids, p_business_ids, p_api_key_ids, p_references, p_amounts, p_currencies, p_types,
                         p_terminal_ids, p_data, p_occurred_at, p_hashes, p_limits)
      WITH ORDINALITY AS t(id, b, k, ref, amount, cur, typ, term, payload, at, hash, lim, n)
  ),
  stored AS (
    SELECT e."businessId" AS b, e.reference AS ref, e.id, e."requestHash" AS hash FROM "UsageEvent" e
    WHERE e."eventType" = p_event_type AND (e."businessId", e.reference) IN (SELECT i.b, i.ref FROM input i)
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
    SELECT "businessId", count(*)::int AS added FROM added GROUP BY 1
  ),
  counted AS (
    UPDATE "UsageCounter" c SET count = c.count + per_business.added, "updatedAt" = now()
    FROM per_business
    WHERE c."businessId" = per_business."businessId" AND c.metric = p_event_type AND c.period = p_period
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
