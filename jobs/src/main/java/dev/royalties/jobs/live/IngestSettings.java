package dev.royalties.jobs.live;

import java.io.Serializable;

/**
 * The knobs of the ingest job that shape its results and its state (the wiring to Kafka and
 * PostgreSQL is in {@link IngestCommand}).
 *
 * @param outOfOrdernessMs how far behind the newest event time a play may arrive and still be "on
 *     time" (bounded-out-of-orderness watermarks per Kafka partition)
 * @param idlenessMs after this long without messages a partition no longer holds the watermark back
 * @param maxFutureMs event times further ahead of the Kafka record time than this are clamped for
 *     the watermark, so that one row dated 2099 cannot make every later play late
 * @param retentionMs how long after the end of its UTC day a play stays in the accrual state
 *     (verdicts on it change the live counts only within that window)
 * @param flushIntervalMs how often a changed accrual is written to PostgreSQL at most
 */
public record IngestSettings(long outOfOrdernessMs, long idlenessMs, long maxFutureMs, long retentionMs,
                             long flushIntervalMs) implements Serializable {
    public static final IngestSettings DEFAULT = new IngestSettings(300_000, 60_000, 3_600_000,
            35L * AccrueEligiblePlays.DAY_MS, 500);

    public IngestSettings {
        if (outOfOrdernessMs < 0 || idlenessMs <= 0 || maxFutureMs < 0 || retentionMs < 0 || flushIntervalMs <= 0) {
            throw new IllegalArgumentException("ingest settings must be positive: " + this);
        }
    }
}
