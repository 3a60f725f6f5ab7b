-- The top artists of every pool of a period and revision, by amount (ties: smaller artist_id),
-- with their share of the pool. Only complete revisions count; revision 'latest' is the latest
-- complete one.
--
-- @param period
-- @param revision latest
-- @param top 3

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
),
payments AS (
  SELECT p.*
  FROM artist_payments p
  JOIN chosen ch ON p.`period` = ch.`period` AND p.revision = ch.revision
  JOIN complete_revisions c ON p.`period` = c.`period` AND p.revision = c.revision
),
ranked AS (
  SELECT p.source, p.country, p.product, p.licensee_id, p.currency, p.artist_id, p.units, p.amount,
         r.pool_amount,
         ROW_NUMBER() OVER (PARTITION BY p.source, p.country, p.product, p.licensee_id, p.currency
                            ORDER BY p.amount DESC, p.artist_id) AS rank_in_pool
  FROM payments p
  JOIN pool_reconciliation r
    ON r.`period` = p.`period` AND r.revision = p.revision AND r.source = p.source
   AND COALESCE(r.country, '') = COALESCE(p.country, '') AND COALESCE(r.product, '') = COALESCE(p.product, '')
   AND COALESCE(r.licensee_id, '') = COALESCE(p.licensee_id, '') AND r.currency = p.currency
)
SELECT source, country, product, licensee_id, currency, rank_in_pool, artist_id, units, amount, pool_amount,
       CAST(amount * 100 / pool_amount AS DECIMAL(5, 2)) AS pct_of_pool
FROM ranked
WHERE rank_in_pool <= CAST('${top}' AS INT)
ORDER BY source, country, product, licensee_id, currency, rank_in_pool;
