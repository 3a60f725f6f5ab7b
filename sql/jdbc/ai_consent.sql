-- ai_consent in the rights database: read by `royalties monthly --consent-jdbc-url URL
-- [--consent-table ai_consent] [--consent-user U] [--consent-password P]` instead of the
-- input folder's ai_consent/ table (spec §2, §7). Columns as the contract; rows are append-only
-- history (a change of mind is a new row with a later effective_from and/or recorded_at).
-- TIMESTAMPTZ holds instants; a `timestamp` (no zone) column would be read as UTC.
-- No constraints beyond NOT NULL on purpose: the monthly run validates every row itself and
-- stops with a message naming the offending keys (spec §3), as it does for files.
CREATE TABLE IF NOT EXISTS ai_consent (
    artist_id      TEXT        NOT NULL,
    scope          TEXT        NOT NULL,    -- 'training' or 'generation'
    granted        BOOLEAN     NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ai_consent_artist_scope ON ai_consent (artist_id, scope, effective_from);
