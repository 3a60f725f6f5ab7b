package dev.royalties.jobs.monthly;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.RowExtractor;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.ModelComparison;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.QuarantineRow;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.RecordingUsage;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

/** Writes every output table as Parquet under a staging folder, one sub-folder per table. */
public final class ParquetOutputSinks implements OutputSinks {
    private final String root;

    public ParquetOutputSinks(String stagingRoot) {
        this.root = stagingRoot;
    }

    @Override
    public void payments(DataStream<ArtistPayment> rows) {
        sink(rows, Tables.ARTIST_PAYMENTS, Tables::row, 1);
    }

    @Override
    public void reconciliation(DataStream<PoolReconciliation> rows) {
        sink(rows, Tables.POOL_RECONCILIATION, Tables::row, 1);
    }

    @Override
    public void adjustments(DataStream<Adjustment> rows) {
        sink(rows, Tables.ADJUSTMENTS, Tables::row, 1);
    }

    @Override
    public void violations(DataStream<AiViolation> rows) {
        sink(rows, Tables.AI_VIOLATIONS, Tables::row, rows.getParallelism());
    }

    @Override
    public void quarantine(DataStream<QuarantineRow> rows) {
        sink(rows, Tables.QUARANTINE, Tables::row, rows.getParallelism());
    }

    @Override
    public void trackHistory(DataStream<TrackListening> rows) {
        sink(rows, Tables.TRACK_HISTORY, Tables::row, 1);
    }

    @Override
    public void modelComparison(DataStream<ModelComparison.Row> rows) {
        sink(rows, Tables.MODEL_COMPARISON, Tables::row, 1);
    }

    @Override
    public void recordingUsage(DataStream<RecordingUsage.Row> rows) {
        sink(rows, Tables.RECORDING_USAGE, Tables::row, 1);
    }

    private <T> void sink(DataStream<T> rows, TableSchema table, RowExtractor<T> extractor, int parallelism) {
        FileSink<T> sink = FileSink.forBulkFormat(new Path(root, table.name()),
                        ParquetRows.sinkFormat(table, extractor))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part")
                        .withPartSuffix(".parquet").build())
                .build();
        rows.sinkTo(sink).name("write-" + table.name()).uid("write-" + table.name()).setParallelism(parallelism);
    }
}
