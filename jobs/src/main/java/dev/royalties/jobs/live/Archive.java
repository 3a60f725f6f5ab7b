package dev.royalties.jobs.live;

import static dev.royalties.io.ColumnType.STRING;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.RowExtractor;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The archive the live path writes: exactly the monthly run's input layout (spec §2), so that
 * `royalties monthly --input ARCHIVE` runs on it. Parquet part files appear (renamed from hidden
 * in-progress files) only when the checkpoint that covers them completes: together with the Kafka
 * offsets in that checkpoint this is exactly-once.
 *
 * <pre>
 * ARCHIVE/plays/dt=YYYY-MM-DD/part-*.parquet            by played_at (UTC day)
 * ARCHIVE/ai_usage/dt=YYYY-MM-DD/part-*.parquet         by used_at
 * ARCHIVE/fraud_verdicts/dt=YYYY-MM-DD/part-*.parquet   by decided_at
 * ARCHIVE/_quarantine/TABLE/dt=YYYY-MM-DD/part-*.parquet  by Kafka receive time; '_' keeps it out of scans
 * </pre>
 */
public final class Archive {
    public static final String QUARANTINE_FOLDER = "_quarantine";

    /** The §9 quarantine columns plus origin (topic-partition@offset). */
    public static final TableSchema QUARANTINE = TableSchema.of("quarantine",
            "source_table", STRING, "record", STRING, "reason", STRING, "origin", STRING);

    private Archive() {}

    public static FileSink<Play> plays(String archive) {
        return table(archive, Tables.PLAYS.name(), Tables.PLAYS, Tables::row, new EventDayBuckets<Play>(p -> p.playedAt));
    }

    public static FileSink<Usage> usage(String archive) {
        return table(archive, Tables.AI_USAGE.name(), Tables.AI_USAGE, Tables::row,
                new EventDayBuckets<Usage>(u -> u.usedAt));
    }

    public static FileSink<Verdict> verdicts(String archive) {
        return table(archive, Tables.FRAUD_VERDICTS.name(), Tables.FRAUD_VERDICTS, Tables::row,
                new EventDayBuckets<Verdict>(Verdict::decidedAt));
    }

    public static FileSink<Quarantined> quarantine(String archive) {
        return table(archive, QUARANTINE_FOLDER, QUARANTINE, Quarantined::row, new QuarantineBuckets());
    }

    /** Parquet part files under ARCHIVE/folder, in the assigner's sub-folders, committed on checkpoints. */
    private static <T> FileSink<T> table(String archive, String folder, TableSchema schema, RowExtractor<T> row,
                                         BucketAssigner<T, String> buckets) {
        return FileSink.forBulkFormat(new Path(archive, folder), ParquetRows.sinkFormat(schema, row))
                .withBucketAssigner(buckets)
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    /** TABLE/dt=DAY of the Kafka receive time (the row's own timestamp may be what is broken). */
    static final class QuarantineBuckets implements BucketAssigner<Quarantined, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getBucketId(Quarantined q, Context context) {
            return q.sourceTable + "/" + EventDayBuckets.dayFolder(
                    q.kafkaTimestamp < 0 ? Long.MIN_VALUE : q.kafkaTimestamp * 1_000L);
        }

        @Override
        public org.apache.flink.core.io.SimpleVersionedSerializer<String> getSerializer() {
            return org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners
                    .SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
