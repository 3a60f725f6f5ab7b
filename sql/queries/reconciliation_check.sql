-- Does every pool add up (spec §9)? For every complete revision and currency: the pools, their
-- amounts, the sum of the artist payments, and how many pools break a rule:
--   pool_amount = allocated_amount + held_amount, and
--   allocated_amount = the sum of the pool's artist_payments.
-- failing_pools must be 0 everywhere (the test suite asserts it on the worked example).

WITH paid AS (
  SELECT `period`, revision, source, country, product, licensee_id, currency, SUM(amount) AS paid_amount,
         COUNT(*) AS payees
  FROM artist_payments
  GROUP BY `period`, revision, source, country, product, licensee_id, currency
),
pools AS (
  SELECT r.`period`, r.revision, r.currency, r.pool_amount, r.allocated_amount, r.held_amount,
         COALESCE(p.paid_amount, 0) AS paid_amount, COALESCE(p.payees, 0) AS payees,
         r.pool_amount = r.allocated_amount + r.held_amount
           AND r.allocated_amount = COALESCE(p.paid_amount, 0) AS ok
  FROM pool_reconciliation r
  JOIN complete_revisions c ON r.`period` = c.`period` AND r.revision = c.revision
  LEFT JOIN paid p
    ON p.`period` = r.`period` AND p.revision = r.revision AND p.source = r.source
   AND COALESCE(p.country, '') = COALESCE(r.country, '') AND COALESCE(p.product, '') = COALESCE(r.product, '')
   AND COALESCE(p.licensee_id, '') = COALESCE(r.licensee_id, '') AND p.currency = r.currency
)
SELECT `period`, revision, currency, CAST(COUNT(*) AS BIGINT) AS pools,
       CAST(SUM(pool_amount) AS DECIMAL(18, 2)) AS pool_amount,
       CAST(SUM(allocated_amount) AS DECIMAL(18, 2)) AS allocated_amount,
       CAST(SUM(held_amount) AS DECIMAL(18, 2)) AS held_amount,
       CAST(SUM(paid_amount) AS DECIMAL(18, 2)) AS paid_to_artists,
       CAST(SUM(payees) AS BIGINT) AS payment_rows,
       CAST(SUM(CASE WHEN ok THEN 0 ELSE 1 END) AS BIGINT) AS failing_pools
FROM pools
GROUP BY `period`, revision, currency
ORDER BY `period`, revision, currency;
