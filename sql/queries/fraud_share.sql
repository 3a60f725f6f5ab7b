-- Fraud share by country and product: of the period's plays in each catalogue pool, how many
-- were excluded as fraud (spec §4.1, §6), next to the other exclusions. Pools without plays show
-- a NULL share. Only complete revisions count; revision 'latest' is the latest complete one.
--
-- @param period
-- @param revision latest

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
)
SELECT country, product, total_plays, fraud_units AS fraud_plays,
       CAST(fraud_units * 100.0 / NULLIF(total_plays, 0) AS DECIMAL(5, 2)) AS fraud_pct,
       eligible_units AS eligible_plays, unmatched_units AS unmatched_plays,
       ai_generated_units AS ai_generated_plays, short_units AS short_plays, capped_units AS capped_plays
FROM (
  SELECT r.*, r.eligible_units + r.unmatched_units + r.fraud_units + r.ai_generated_units
              + r.short_units + r.capped_units AS total_plays
  FROM pool_reconciliation r
  JOIN chosen ch ON r.`period` = ch.`period` AND r.revision = ch.revision
  JOIN complete_revisions c ON r.`period` = c.`period` AND r.revision = c.revision
  WHERE r.source = 'catalogue'
)
ORDER BY country, product;
