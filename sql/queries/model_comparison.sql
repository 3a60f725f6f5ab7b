-- What each payment model would pay, for one artist (artist_id = A00042) or the whole catalogue
-- (artist_id = %), beside what the paying model pays (artist_payments) and the difference.
-- Reads model_comparison, so the run must have had --compare-models; only complete revisions
-- count, revision 'latest' is the latest complete one.
--
-- @param period
-- @param revision latest
-- @param artist_id %

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
),
compared AS (
  SELECT CASE WHEN '${artist_id}' = '%' THEN '(all)' ELSE m.artist_id END AS artist, m.model, m.source,
         m.currency, SUM(m.amount) AS amount
  FROM model_comparison m
  JOIN chosen ch ON m.`period` = ch.`period` AND m.revision = ch.revision
  JOIN complete_revisions c ON m.`period` = c.`period` AND m.revision = c.revision
  WHERE m.artist_id LIKE '${artist_id}'
  GROUP BY CASE WHEN '${artist_id}' = '%' THEN '(all)' ELSE m.artist_id END, m.model, m.source, m.currency
),
paid AS (
  SELECT CASE WHEN '${artist_id}' = '%' THEN '(all)' ELSE p.artist_id END AS artist, p.source, p.currency,
         SUM(p.amount) AS amount
  FROM artist_payments p
  JOIN chosen ch ON p.`period` = ch.`period` AND p.revision = ch.revision
  JOIN complete_revisions c ON p.`period` = c.`period` AND p.revision = c.revision
  WHERE p.artist_id LIKE '${artist_id}'
  GROUP BY CASE WHEN '${artist_id}' = '%' THEN '(all)' ELSE p.artist_id END, p.source, p.currency
)
SELECT x.artist, x.source, x.currency, x.model, x.amount, COALESCE(y.amount, 0) AS paid_amount,
       x.amount - COALESCE(y.amount, 0) AS difference
FROM compared x
LEFT JOIN paid y ON x.artist = y.artist AND x.source = y.source AND x.currency = y.currency
ORDER BY x.artist, x.source, x.currency, x.model;
