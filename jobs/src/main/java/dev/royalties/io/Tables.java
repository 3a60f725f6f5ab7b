package dev.royalties.io;

import static dev.royalties.io.ColumnType.BIGINT;
import static dev.royalties.io.ColumnType.BOOLEAN;
import static dev.royalties.io.ColumnType.INT;
import static dev.royalties.io.ColumnType.MONEY;
import static dev.royalties.io.ColumnType.SHARE;
import static dev.royalties.io.ColumnType.STRING;
import static dev.royalties.io.ColumnType.TIMESTAMP;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Consent;
import dev.royalties.rules.Licence;
import dev.royalties.rules.ModelComparison;
import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Pool;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.QuarantineRow;
import dev.royalties.rules.RecordingUsage;
import dev.royalties.rules.Times;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.util.List;

/** The data contract (spec §2 and §9): every input and output table, its columns and its row mapping. */
public final class Tables {
    private Tables() {}

    // ---- inputs (spec §2) ----
    public static final TableSchema PLAYS = TableSchema.of("plays",
            "play_id", STRING, "user_id", STRING, "track_id", STRING, "played_at", TIMESTAMP,
            "ms_played", INT, "country", STRING, "product", STRING, "origin", STRING);
    public static final TableSchema TRACKS = TableSchema.of("tracks",
            "track_id", STRING, "isrc", STRING, "duration_ms", INT, "ai_content", STRING);
    public static final TableSchema TRACK_RIGHTS = TableSchema.of("track_rights",
            "track_id", STRING, "artist_id", STRING, "share", SHARE);
    public static final TableSchema REVENUE_POOLS = TableSchema.of("revenue_pools",
            "period", STRING, "country", STRING, "product", STRING, "amount", MONEY, "currency", STRING);
    public static final TableSchema FRAUD_VERDICTS = TableSchema.of("fraud_verdicts",
            "verdict_id", STRING, "subject_type", STRING, "subject_id", STRING, "valid_from", TIMESTAMP,
            "valid_to", TIMESTAMP, "decision", STRING, "decided_at", TIMESTAMP);
    public static final TableSchema AI_CONSENT = TableSchema.of("ai_consent",
            "artist_id", STRING, "scope", STRING, "granted", BOOLEAN, "effective_from", TIMESTAMP,
            "recorded_at", TIMESTAMP);
    public static final TableSchema AI_USAGE = TableSchema.of("ai_usage",
            "usage_id", STRING, "licensee_id", STRING, "model_id", STRING, "track_id", STRING, "scope", STRING,
            "used_at", TIMESTAMP, "units", BIGINT);
    public static final TableSchema AI_LICENCES = TableSchema.of("ai_licences",
            "licensee_id", STRING, "scope", STRING, "period", STRING, "amount", MONEY, "currency", STRING);

    public static final List<TableSchema> REQUIRED_INPUTS = List.of(PLAYS, TRACKS, TRACK_RIGHTS, REVENUE_POOLS);
    public static final List<TableSchema> OPTIONAL_INPUTS = List.of(FRAUD_VERDICTS, AI_CONSENT, AI_USAGE, AI_LICENCES);

    public static final RowMapper<Play> PLAY = r -> new Play(r.string(0), r.string(1), r.string(2),
            r.number(3, Times.NULL), clampInt(r, 4), r.string(5), r.string(6), r.string(7));
    public static final RowMapper<Catalogue.Track> TRACK = r -> new Catalogue.Track(r.string(0), r.string(1),
            r.isNull(2) ? null : (int) r.number(2, 0), r.string(3));
    public static final RowMapper<Catalogue.Right> RIGHT = r -> new Catalogue.Right(r.string(0), r.string(1),
            r.boxed(2));
    public static final RowMapper<Pool> POOL = r -> new Pool(r.string(0), r.string(1), r.string(2), r.boxed(3),
            r.string(4));
    public static final RowMapper<Verdict> VERDICT = r -> new Verdict(r.string(0), r.string(1), r.string(2),
            r.number(3, Times.NULL), r.number(4, Times.NULL), r.string(5), r.number(6, Times.NULL));
    public static final RowMapper<Consent> CONSENT = r -> new Consent(r.string(0), r.string(1), r.bool(2),
            r.number(3, Times.NULL), r.number(4, Times.NULL));
    public static final RowMapper<Usage> USAGE = r -> new Usage(r.string(0), r.string(1), r.string(2),
            r.string(3), r.string(4), r.number(5, Times.NULL), r.number(6, Nulls.LONG));
    public static final RowMapper<Licence> LICENCE = r -> new Licence(r.string(0), r.string(1), r.string(2),
            r.boxed(3), r.string(4));

    /** Columns a file may lack (they read as null): plays.origin came later than the contract (issue 9). */
    public static boolean optionalColumn(TableSchema table, String column) {
        return table.name().equals(PLAYS.name()) && column.equals("origin");
    }

    /** ms_played is an INT; a wider value from an INT64 file saturates (and a huge value is still >= 0). */
    private static int clampInt(RowBuffer r, int col) {
        if (r.isNull(col)) {
            return Nulls.INT;
        }
        long v = r.number(col, 0);
        return (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, v));
    }

    // ---- outputs (spec §9) ----
    public static final TableSchema ARTIST_PAYMENTS = TableSchema.of("artist_payments",
            "artist_id", STRING, "source", STRING, "country", STRING, "product", STRING, "licensee_id", STRING,
            "units", BIGINT, "amount", MONEY, "currency", STRING);
    public static final TableSchema POOL_RECONCILIATION = TableSchema.of("pool_reconciliation",
            "source", STRING, "country", STRING, "product", STRING, "licensee_id", STRING, "currency", STRING,
            "pool_amount", MONEY, "allocated_amount", MONEY, "held_amount", MONEY, "eligible_units", BIGINT,
            "unmatched_units", BIGINT, "fraud_units", BIGINT, "ai_generated_units", BIGINT, "short_units", BIGINT,
            "capped_units", BIGINT, "violation_units", BIGINT, "below_threshold_units", BIGINT);
    public static final TableSchema AI_VIOLATIONS = TableSchema.of("ai_violations",
            "usage_id", STRING, "licensee_id", STRING, "model_id", STRING, "track_id", STRING, "artist_id", STRING,
            "scope", STRING, "used_at", TIMESTAMP, "units", BIGINT, "reason", STRING);
    public static final TableSchema ADJUSTMENTS = TableSchema.of("adjustments",
            "artist_id", STRING, "source", STRING, "country", STRING, "product", STRING, "licensee_id", STRING,
            "currency", STRING, "previous_amount", MONEY, "amount", MONEY, "delta", MONEY);
    public static final TableSchema QUARANTINE = TableSchema.of("quarantine",
            "source_table", STRING, "record", STRING, "reason", STRING);

    public static final TableSchema RECORDING_USAGE = TableSchema.of("recording_usage",
            "isrc", STRING, "track_id", STRING, "country", STRING, "product", STRING, "currency", STRING,
            "eligible_streams", BIGINT, "fraud_streams", BIGINT, "short_streams", BIGINT, "unmatched_streams", BIGINT,
            "ai_generated_streams", BIGINT, "below_threshold_streams", BIGINT, "capped_streams", BIGINT,
            "amount", MONEY);

    /** Issue 9: one row per track with a qualifying play; what the next periods' threshold reads. */
    public static final TableSchema TRACK_HISTORY = TableSchema.of("track_history",
            "track_id", STRING, "qualifying_streams", BIGINT, "listeners", BIGINT);
    /** Issue 9: what every compared model pays each payment key (only with --compare-models). */
    public static final TableSchema MODEL_COMPARISON = TableSchema.of("model_comparison",
            "artist_id", STRING, "source", STRING, "country", STRING, "product", STRING, "licensee_id", STRING,
            "currency", STRING, "model", STRING, "amount", MONEY);

    public static final List<TableSchema> OUTPUTS = List.of(ARTIST_PAYMENTS, POOL_RECONCILIATION, AI_VIOLATIONS,
            ADJUSTMENTS, QUARANTINE, TRACK_HISTORY, MODEL_COMPARISON, RECORDING_USAGE);

    /** Input rows as column values (for the archive the live path writes, and for generated months). */
    public static Object[] row(Play p) {
        return new Object[] {p.playId, p.userId, p.trackId, time(p.playedAt),
            p.msPlayed == Nulls.INT ? null : p.msPlayed, p.country, p.product, p.origin};
    }

    public static Object[] row(Usage u) {
        return new Object[] {u.usageId, u.licenseeId, u.modelId, u.trackId, u.scope, time(u.usedAt),
            u.units == Nulls.LONG ? null : u.units};
    }

    public static Object[] row(Verdict v) {
        return new Object[] {v.verdictId(), v.subjectType(), v.subjectId(), time(v.validFrom()), time(v.validTo()),
            v.decision(), time(v.decidedAt())};
    }

    public static Object[] row(Consent c) {
        return new Object[] {c.artistId(), c.scope(), c.granted(), time(c.effectiveFrom()), time(c.recordedAt())};
    }

    public static Object[] row(Catalogue.Track t) {
        return new Object[] {t.trackId(), t.isrc(), t.durationMs(), t.aiContent()};
    }

    public static Object[] row(Catalogue.Right r) {
        return new Object[] {r.trackId(), r.artistId(), r.shareMicros()};
    }

    public static Object[] row(Pool p) {
        return new Object[] {p.period(), p.country(), p.product(), p.amountCents(), p.currency()};
    }

    public static Object[] row(Licence l) {
        return new Object[] {l.licenseeId(), l.scope(), l.period(), l.amountCents(), l.currency()};
    }

    private static Long time(long micros) {
        return micros == Times.NULL ? null : micros;
    }

    public static Object[] row(ArtistPayment p) {
        return new Object[] {p.artistId(), p.source(), p.country(), p.product(), p.licenseeId(), p.units(),
            p.amountCents(), p.currency()};
    }

    public static Object[] row(PoolReconciliation r) {
        return new Object[] {r.source(), r.country(), r.product(), r.licenseeId(), r.currency(), r.poolCents(),
            r.allocatedCents(), r.heldCents(), r.eligibleUnits(), r.unmatchedUnits(), r.fraudUnits(),
            r.aiGeneratedUnits(), r.shortUnits(), r.cappedUnits(), r.violationUnits(), r.belowThresholdUnits()};
    }

    public static Object[] row(TrackListening t) {
        return new Object[] {t.trackId, t.streams, t.listeners};
    }

    public static Object[] row(ModelComparison.Row r) {
        return new Object[] {r.artistId(), r.source(), r.country(), r.product(), r.licenseeId(), r.currency(),
            r.model(), r.amountCents()};
    }

    public static Object[] row(AiViolation v) {
        return new Object[] {v.usageId(), v.licenseeId(), v.modelId(), v.trackId(), v.artistId(), v.scope(),
            v.usedAt(), v.units(), v.reason()};
    }

    public static Object[] row(Adjustment a) {
        return new Object[] {a.artistId(), a.source(), a.country(), a.product(), a.licenseeId(), a.currency(),
            a.previousCents(), a.amountCents(), a.deltaCents()};
    }

    public static Object[] row(RecordingUsage.Row u) {
        return new Object[] {u.isrc(), u.trackId(), u.country(), u.product(), u.currency(), u.eligibleStreams(),
            u.fraudStreams(), u.shortStreams(), u.unmatchedStreams(), u.aiGeneratedStreams(),
            u.belowThresholdStreams(), u.cappedStreams(), u.amountCents()};
    }

    public static Object[] row(QuarantineRow q) {
        return new Object[] {q.sourceTable(), q.record(), q.reason()};
    }

    public static final RowMapper<TrackListening> LISTENING = r -> new TrackListening(r.string(0), r.number(1, 0),
            r.number(2, 0));
    public static final RowMapper<RecordingUsage.Row> RECORDING = r -> new RecordingUsage.Row(r.string(0),
            r.string(1), r.string(2), r.string(3), r.string(4), r.number(5, 0), r.number(6, 0), r.number(7, 0),
            r.number(8, 0), r.number(9, 0), r.number(10, 0), r.number(11, 0), r.number(12, 0));

    public static final RowMapper<ArtistPayment> PAYMENT = r -> new ArtistPayment(r.string(0), r.string(1),
            r.string(2), r.string(3), r.string(4), r.number(5, 0), r.number(6, 0), r.string(7));
}
