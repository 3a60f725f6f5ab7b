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
import java.io.IOException;
import java.util.UUID;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
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
    public TableFile<RecordingUsage.Row> recordingUsage() {
        return new StagedParquetFile<>(root, Tables.RECORDING_USAGE, Tables::row);
    }

    /**
     * One Parquet file in the table's staging folder, written under a hidden name unique to the
     * writer and renamed when committed (a retried task's writer never shares the old one's file).
     */
    private record StagedParquetFile<T>(String root, TableSchema table, RowExtractor<T> extractor)
            implements TableFile<T> {
        @Override
        public Writer<T> open(int part) throws IOException {
            Path dir = new Path(root, table.name());
            FileSystem fs = dir.getFileSystem();
            fs.mkdirs(dir);
            Path done = new Path(dir, "part-" + table.name() + "-" + part + ".parquet");
            Path inProgress = new Path(dir, "." + done.getName() + ".inprogress." + UUID.randomUUID());
            FSDataOutputStream out = fs.create(inProgress, FileSystem.WriteMode.NO_OVERWRITE);
            BulkWriter<T> rows = ParquetRows.sinkFormat(table, extractor).create(out);
            return new Writer<>() {
                private boolean committed;

                @Override
                public void write(T row) throws IOException {
                    rows.addElement(row);
                }

                @Override
                public void commit() throws IOException {
                    rows.finish();
                    out.close();
                    if (!fs.rename(inProgress, done)) {
                        throw new IOException("cannot rename " + inProgress + " to " + done);
                    }
                    committed = true;
                }

                @Override
                public void close() throws IOException {
                    if (!committed) {
                        out.close();
                        fs.delete(inProgress, false);
                    }
                }
            };
        }
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
