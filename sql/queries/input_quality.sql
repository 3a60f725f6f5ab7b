-- Input quality before a run: which plays and AI usage rows of a period the monthly run would
-- quarantine, by reason (spec §3), with the very rule the jobs use (PLAY_PROBLEM, USAGE_PROBLEM).
-- Rows with no timestamp belong to every period. Needs the input tables: `royalties sql FILE
-- --input DIR --set period=2026-10`.
--
-- @param period

SELECT source_table, reason, COUNT(*) AS row_count
FROM (
  SELECT 'plays' AS source_table,
         PLAY_PROBLEM(play_id, user_id, track_id, played_at, ms_played, country, product) AS reason,
         played_at AS ts
  FROM plays
  UNION ALL
  SELECT 'ai_usage' AS source_table,
         USAGE_PROBLEM(usage_id, licensee_id, model_id, track_id, `scope`, used_at, units) AS reason,
         used_at AS ts
  FROM ai_usage
)
WHERE reason IS NOT NULL AND (ts IS NULL OR DATE_FORMAT(ts, 'yyyy-MM') = '${period}')
GROUP BY source_table, reason
ORDER BY source_table, reason;
