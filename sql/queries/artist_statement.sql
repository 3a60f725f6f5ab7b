-- An artist's statement for a period and revision: one line per pool the artist is paid from
-- (catalogue pools by country and product, AI pools by licensee and scope), then one TOTAL line
-- per currency. Only complete revisions count; revision 'latest' is the latest complete one.
--
-- @param artist
-- @param period
-- @param revision latest

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
),
lines AS (
  SELECT p.`period`, p.revision, p.source, p.country, p.product, p.licensee_id, p.currency, p.units, p.amount
  FROM artist_payments p
  JOIN chosen ch ON p.`period` = ch.`period` AND p.revision = ch.revision
  JOIN complete_revisions c ON p.`period` = c.`period` AND p.revision = c.revision
  WHERE p.artist_id = '${artist}'
)
SELECT `period`, revision, source, country, product, licensee_id, currency, units, amount
FROM (
  SELECT `period`, revision, 0 AS line_kind, source, country, product, licensee_id, currency, units,
         CAST(amount AS DECIMAL(18, 2)) AS amount
  FROM lines
  UNION ALL
  SELECT `period`, revision, 1 AS line_kind, 'TOTAL' AS source, CAST(NULL AS STRING) AS country,
         CAST(NULL AS STRING) AS product, CAST(NULL AS STRING) AS licensee_id, currency,
         CAST(NULL AS BIGINT) AS units, CAST(SUM(amount) AS DECIMAL(18, 2)) AS amount
  FROM lines
  GROUP BY `period`, revision, currency
)
ORDER BY line_kind, currency, source, country, product, licensee_id;
