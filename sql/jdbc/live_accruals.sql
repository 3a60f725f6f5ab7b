-- live_accruals: what `royalties ingest` (the live path) keeps up to date, one row per
-- (UTC day of played_at, artist, country, product). eligible_plays counts the plays that are
-- eligible so far under spec §4 steps 1-4 (fraud verdicts received so far, min-play-ms, matched
-- catalogue, no full-AI track); the monthly user cap is not applied live. A play on a track with
-- several artists counts once for each of them (units, not shares). An aggregate: no user_id.
-- Written by upsert of the absolute count (idempotent; see docs/live.md), through
-- flink-connector-jdbc's JdbcSink, a batch of rows per statement (ON CONFLICT on the PRIMARY KEY).
CREATE TABLE IF NOT EXISTS live_accruals (
    day            DATE        NOT NULL,
    artist_id      TEXT        NOT NULL,
    country        CHAR(2)     NOT NULL,
    product        TEXT        NOT NULL CHECK (product IN ('premium', 'family', 'student', 'free')),
    eligible_plays BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (day, artist_id, country, product)
) WITH (fillfactor = 70);
-- Rows are updated far more often than inserted: free room in each page lets PostgreSQL update a
-- row in place of its page without touching the index (a HOT update).

-- The job sets updated_at itself, in the same upsert (an earlier version of this file created a
-- trigger for it; a row trigger costs a function call per written row): drop it where it exists.
DROP TRIGGER IF EXISTS live_accruals_touch ON live_accruals;
DROP FUNCTION IF EXISTS live_accruals_touch();
