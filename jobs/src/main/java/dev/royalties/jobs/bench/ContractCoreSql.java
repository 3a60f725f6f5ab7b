package dev.royalties.jobs.bench;

import java.nio.file.Path;

/**
 * The core of the contract as one DuckDB query, the way a finance team would write it: validation
 * (spec §3), the period filter, de-duplication by play_id (earliest played_at, then the longest
 * play), the fraud verdicts known at as-of (§6), steps 1 to 4 of §4 and, when a cap is set, the
 * user cap as a window function; the plays are counted per (country, product, track, status),
 * which is what the allocation needs. It returns plays by status, to compare with the run's
 * manifest. Not included: AI usage, the largest remainder split and the output files, which are
 * small next to the plays.
 */
public record ContractCoreSql(Path input, long fromMicros, long toMicros, long asOfMicros, long minPlayMs, long cap) {

    public String sql() {
        String statusBeforeCap = """
                CASE WHEN f.play_id IS NOT NULL THEN 'fraud'
                     WHEN p.ms_played < %d THEN 'short'
                     WHEN t.track_id IS NULL OR r.track_id IS NULL THEN 'unmatched'
                     WHEN t.ai_content = 'full' THEN 'ai_generated'
                     ELSE 'eligible' END""".formatted(minPlayMs);
        String statuses = cap <= 0 ? "SELECT country, product, track_id, status FROM classified" : """
                SELECT country, product, track_id, status FROM classified WHERE status <> 'eligible'
                UNION ALL
                SELECT country, product, track_id,
                       CASE WHEN row_number() OVER (PARTITION BY user_id ORDER BY t, play_id) > %d
                            THEN 'capped' ELSE 'eligible' END
                FROM classified WHERE status = 'eligible'""".formatted(cap);
        return """
                WITH valid AS (
                    SELECT play_id, user_id, track_id, epoch_us(played_at) AS t, ms_played, country, product
                    FROM %s
                    WHERE epoch_us(played_at) >= %d AND epoch_us(played_at) < %d
                      AND length(play_id) > 0 AND length(user_id) > 0 AND length(track_id) > 0
                      AND ms_played >= 0 AND regexp_full_match(country, '[A-Z][A-Z]')
                      AND product IN ('premium', 'family', 'student', 'free')),
                plays AS (
                    SELECT * FROM valid
                    QUALIFY row_number() OVER (PARTITION BY play_id ORDER BY t, ms_played DESC) = 1),
                verdicts AS (
                    SELECT subject_type, subject_id, epoch_us(valid_from) AS vf, epoch_us(valid_to) AS vt,
                           decision, epoch_us(decided_at) AS da, verdict_id
                    FROM %s WHERE epoch_us(decided_at) <= %d),
                hits AS (
                    SELECT p.play_id, v.subject_type, v.decision, v.da, v.verdict_id
                    FROM plays p JOIN verdicts v ON v.subject_type = 'play' AND v.subject_id = p.play_id
                     AND (v.vf IS NULL OR v.vf <= p.t) AND (v.vt IS NULL OR p.t < v.vt)
                    UNION ALL
                    SELECT p.play_id, v.subject_type, v.decision, v.da, v.verdict_id
                    FROM plays p JOIN verdicts v ON v.subject_type = 'user' AND v.subject_id = p.user_id
                     AND (v.vf IS NULL OR v.vf <= p.t) AND (v.vt IS NULL OR p.t < v.vt)
                    UNION ALL
                    SELECT p.play_id, v.subject_type, v.decision, v.da, v.verdict_id
                    FROM plays p JOIN verdicts v ON v.subject_type = 'track' AND v.subject_id = p.track_id
                     AND (v.vf IS NULL OR v.vf <= p.t) AND (v.vt IS NULL OR p.t < v.vt)),
                fraud AS (
                    SELECT DISTINCT play_id FROM (
                        SELECT play_id, subject_type, arg_max(decision, (da, verdict_id)) AS decision
                        FROM hits GROUP BY play_id, subject_type)
                    WHERE decision = 'fraud'),
                tracks AS (SELECT track_id, ai_content FROM %s),
                rights AS (SELECT DISTINCT track_id FROM %s),
                classified AS (
                    SELECT p.play_id, p.user_id, p.track_id, p.t, p.country, p.product, %s AS status
                    FROM plays p LEFT JOIN fraud f ON f.play_id = p.play_id
                    LEFT JOIN tracks t ON t.track_id = p.track_id
                    LEFT JOIN rights r ON r.track_id = p.track_id),
                tally AS (
                    SELECT country, product, track_id, status, count(*) AS n FROM (%s)
                    GROUP BY country, product, track_id, status)
                SELECT status, sum(n)::BIGINT FROM tally GROUP BY status ORDER BY status
                """.formatted(DuckDbFloor.files(input, "plays"), fromMicros, toMicros,
                DuckDbFloor.files(input, "fraud_verdicts"), asOfMicros, DuckDbFloor.files(input, "tracks"),
                DuckDbFloor.files(input, "track_rights"), statusBeforeCap, statuses);
    }
}
