package dev.royalties.jobs.monthly;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.ModelComparison;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.QuarantineRow;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.RecordingUsage;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the monthly workflow's outputs go; injected, so that tests and runs choose the sinks. */
public interface OutputSinks {
    void payments(DataStream<ArtistPayment> rows);

    void reconciliation(DataStream<PoolReconciliation> rows);

    void adjustments(DataStream<Adjustment> rows);

    void violations(DataStream<AiViolation> rows);

    void quarantine(DataStream<QuarantineRow> rows);

    void trackHistory(DataStream<TrackListening> rows);

    void modelComparison(DataStream<ModelComparison.Row> rows);

    /** Written by the allocation itself, on a thread of its own ({@link TableFile}). */
    TableFile<RecordingUsage.Row> recordingUsage();
}
