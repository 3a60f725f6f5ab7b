package dev.royalties.jobs.live;

import static dev.royalties.io.ColumnType.STRING;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
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

    private static OutputFileConfig parquetFiles() {
        return OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build();
    }

    public static FileSink<Play> plays(String archive) {
        return FileSink.forBulkFormat(new Path(archive, Tables.PLAYS.name()),
                        ParquetRows.<Play>sinkFormat(Tables.PLAYS, Tables::row))
                .withBucketAssigner(new EventDayBuckets<Play>(p -> p.playedAt))
                .withOutputFileConfig(parquetFiles())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    public static FileSink<Usage> usage(String archive) {
        return FileSink.forBulkFormat(new Path(archive, Tables.AI_USAGE.name()),
                        ParquetRows.<Usage>sinkFormat(Tables.AI_USAGE, Tables::row))
                .withBucketAssigner(new EventDayBuckets<Usage>(u -> u.usedAt))
                .withOutputFileConfig(parquetFiles())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    public static FileSink<Verdict> verdicts(String archive) {
        return FileSink.forBulkFormat(new Path(archive, Tables.FRAUD_VERDICTS.name()),
                        ParquetRows.<Verdict>sinkFormat(Tables.FRAUD_VERDICTS, Tables::row))
                .withBucketAssigner(new EventDayBuckets<Verdict>(Verdict::decidedAt))
                .withOutputFileConfig(parquetFiles())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    public static FileSink<Quarantined> quarantine(String archive) {
        return FileSink.forBulkFormat(new Path(archive, QUARANTINE_FOLDER),
                        ParquetRows.<Quarantined>sinkFormat(QUARANTINE, Quarantined::row))
                .withBucketAssigner(new QuarantineBuckets())
                .withOutputFileConfig(parquetFiles())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    /** TABLE/dt=DAY of the Kafka receive time (the row's own timestamp may be what is broken). */
    static final class QuarantineBuckets
            implements org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner<Quarantined, String> {
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
