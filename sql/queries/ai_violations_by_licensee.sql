-- AI use without a licence or without the artist's consent (spec §5), by licensee and model:
-- how many usage rows, (usage, artist) pairs and artists, the units as the pools count them
-- (violation units per pair, spec §9) and per usage row, and when the use happened.
-- Only complete revisions count; revision 'latest' is the latest complete one.
--
-- @param period
-- @param revision latest

WITH chosen AS (
  SELECT `period`, COALESCE(TRY_CAST('${revision}' AS INT), revision) AS revision
  FROM latest_revisions
  WHERE `period` = '${period}'
),
v AS (
  SELECT x.*
  FROM ai_violations x
  JOIN chosen ch ON x.`period` = ch.`period` AND x.revision = ch.revision
  JOIN complete_revisions c ON x.`period` = c.`period` AND x.revision = c.revision
),
per_usage AS (
  SELECT licensee_id, model_id, `scope`, reason, usage_id, MAX(units) AS units
  FROM v
  GROUP BY licensee_id, model_id, `scope`, reason, usage_id
),
usage_totals AS (
  SELECT licensee_id, model_id, `scope`, reason, SUM(units) AS usage_units
  FROM per_usage
  GROUP BY licensee_id, model_id, `scope`, reason
)
SELECT v.licensee_id, v.model_id, v.`scope`, v.reason,
       COUNT(DISTINCT v.usage_id) AS usages, COUNT(*) AS pairs, COUNT(DISTINCT v.artist_id) AS artists,
       SUM(v.units) AS violation_units, MAX(u.usage_units) AS usage_units,
       MIN(v.used_at) AS first_used_at, MAX(v.used_at) AS last_used_at
FROM v
JOIN usage_totals u ON u.licensee_id = v.licensee_id AND u.model_id = v.model_id AND u.`scope` = v.`scope`
 AND u.reason = v.reason
GROUP BY v.licensee_id, v.model_id, v.`scope`, v.reason
ORDER BY v.licensee_id, v.model_id, v.`scope`, v.reason;
