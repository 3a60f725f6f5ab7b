package dev.royalties.jobs.live;

import dev.royalties.jobs.ReaderCloseTimeout;
import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.rules.Policy;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * `royalties ingest`: the live path (STREAMING). Reads the plays, ai-usage and fraud-verdicts
 * topics, archives valid rows as the monthly run's input, quarantines the rest, and (with
 * --jdbc-url and --reference) keeps live_accruals up to date in PostgreSQL. See docs/live.md.
 */
public final class IngestCommand {
    static final Set<String> OPTIONS = Set.of("bootstrap-servers", "archive", "plays-topic", "usage-topic",
            "verdicts-topic", "quarantine-topic", "group-id", "kafka-property", "reference", "jdbc-url", "jdbc-user",
            "jdbc-password", "accruals-table", "min-play-ms", "checkpoint-interval-ms", "checkpoint-dir",
            "from-savepoint", "parallelism", "max-out-of-orderness-ms", "idleness-ms", "max-future-ms",
            "accrual-retention-days", "accrual-flush-ms", "transaction-timeout-ms");
    static final Set<String> FLAGS = Set.of("bounded");

    private IngestCommand() {}

    /** Everything a run needs, parsed and checked. */
    public record Options(String bootstrapServers, String archive, String playsTopic, String usageTopic,
                          String verdictsTopic, String quarantineTopic, String groupId, Properties kafka,
                          String reference, String jdbcUrl, String jdbcUser, String jdbcPassword,
                          String accrualsTable, int minPlayMs, long checkpointIntervalMs, String checkpointDir,
                          String fromSavepoint, int parallelism, boolean bounded, long transactionTimeoutMs,
                          IngestSettings settings) {}

    public static Options parse(String[] argv) {
        Args a = Args.parse("ingest", argv, OPTIONS, FLAGS);
        String archiveArg = a.required("archive");
        // A URI (s3://…, hdfs://…) goes to Flink's file systems as given; a plain path is made absolute.
        String archive = archiveArg.contains("://") ? archiveArg
                : Paths.get(archiveArg).toAbsolutePath().toString();
        Properties kafka = new Properties();
        for (String kv : a.all("kafka-property")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("ingest: --kafka-property must be name=value, got '" + kv + "'");
            }
            kafka.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
        }
        String jdbcUrl = a.string("jdbc-url", null);
        String reference = a.string("reference", null);
        if (jdbcUrl != null && reference == null) {
            throw new UsageException("ingest: --jdbc-url (live accruals) needs --reference DIR (tracks, track_rights)");
        }
        String table = a.string("accruals-table", "live_accruals");
        try {
            AccrualsJdbc.checkedTable(table);
        } catch (IllegalArgumentException e) {
            throw new UsageException("ingest: --accruals-table " + e.getMessage());
        }
        long retentionDays = a.longValue("accrual-retention-days", 35);
        IngestSettings settings;
        try {
            settings = new IngestSettings(a.longValue("max-out-of-orderness-ms", 300_000),
                    a.longValue("idleness-ms", 60_000), a.longValue("max-future-ms", 3_600_000),
                    retentionDays * AccrueEligiblePlays.DAY_MS, a.longValue("accrual-flush-ms", 500));
        } catch (IllegalArgumentException e) {
            throw new UsageException("ingest: " + e.getMessage());
        }
        int minPlayMs = a.intValue("min-play-ms", Policy.DEFAULT.minPlayMs());
        if (minPlayMs < 0) {
            throw new UsageException("ingest: --min-play-ms must be >= 0");
        }
        long interval = a.longValue("checkpoint-interval-ms", 10_000);
        if (interval < 100) {
            throw new UsageException("ingest: --checkpoint-interval-ms must be at least 100");
        }
        String checkpointDir = a.string("checkpoint-dir", archive.contains("://")
                ? archive.replaceAll("/+$", "") + "/_checkpoints"
                : Paths.get(archive, "_checkpoints").toUri().toString());
        return new Options(a.required("bootstrap-servers"), archive, a.string("plays-topic", "plays"),
                a.string("usage-topic", "ai-usage"), a.string("verdicts-topic", "fraud-verdicts"),
                a.string("quarantine-topic", null), a.string("group-id", "royalties-ingest"), kafka, reference,
                jdbcUrl, a.string("jdbc-user", null), a.string("jdbc-password", null), table, minPlayMs, interval,
                checkpointDir, a.string("from-savepoint", null), a.intValue("parallelism", 0), a.flag("bounded"),
                a.longValue("transaction-timeout-ms", 600_000), settings);
    }

    public static int run(String[] argv) throws Exception {
        Options o = parse(argv);
        if (o.jdbcUrl() != null) {
            AccrualsJdbc.checkReachable(o.jdbcUrl(), o.jdbcUser(), o.jdbcPassword(), o.accrualsTable());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(o));
        build(env, o, UnaryOperator.identity());
        env.execute("royalties ingest");
        return 0;
    }

    /** Checkpointing (exactly-once), restarts, state backend and recovery for the ingest job. */
    public static Configuration configuration(Options o) {
        Configuration c = ReaderCloseTimeout.applyTo(new Configuration());
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(o.checkpointIntervalMs()));
        c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, o.checkpointDir());
        c.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        c.set(PipelineOptions.OBJECT_REUSE, true);
        if (o.fromSavepoint() != null) {
            c.set(StateRecoveryOptions.SAVEPOINT_PATH, o.fromSavepoint());
        }
        if (o.parallelism() > 0) {
            c.set(CoreOptions.DEFAULT_PARALLELISM, o.parallelism());
        }
        return c;
    }

    /** Wires the Kafka sources, the archive, quarantine and PostgreSQL sinks into {@link IngestJob}. */
    public static void build(StreamExecutionEnvironment env, Options o, UnaryOperator<org.apache.flink.streaming.api.datastream.DataStream<dev.royalties.rules.Play>> playTap)
            throws Exception {
        IngestJob.Sources sources = new IngestJob.Sources(
                source(o, o.playsTopic(), IngestJob.PLAYS),
                source(o, o.usageTopic(), IngestJob.USAGE),
                source(o, o.verdictsTopic(), IngestJob.VERDICTS));
        LiveRules rules = o.jdbcUrl() == null ? null
                : LiveRules.load(o.reference(), new Policy(o.minPlayMs(), 0));
        IngestJob.Sinks sinks = new IngestJob.Sinks(
                Archive.plays(o.archive()), Archive.usage(o.archive()), Archive.verdicts(o.archive()),
                Archive.quarantine(o.archive()),
                o.quarantineTopic() == null ? null : quarantineTopic(o),
                o.jdbcUrl() == null ? null
                        : AccrualsJdbc.postgres(o.jdbcUrl(), o.jdbcUser(), o.jdbcPassword(), o.accrualsTable()));
        IngestJob.workflow(env, sources, sinks, o.settings(), rules, playTap);
    }

    static KafkaSource<Inbound> source(Options o, String topic, String table) {
        KafkaSourceBuilder<Inbound> b = KafkaSource.<Inbound>builder()
                .setBootstrapServers(o.bootstrapServers())
                .setTopics(topic)
                .setGroupId(o.groupId())
                // A first start reads the topic from its beginning; a restart resumes from the checkpoint.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new InboundDeserializer(table))
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("client.id.prefix", o.groupId() + "-" + table)
                .setProperties(o.kafka());
        if (o.bounded()) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** A quarantined message as JSON (a named class: Flink cannot infer a lambda's types here). */
    static final class QuarantineJson implements org.apache.flink.api.common.serialization.SerializationSchema<Quarantined> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Quarantined q) {
            return q.toJson();
        }
    }

    static KafkaSink<Quarantined> quarantineTopic(Options o) {
        Properties p = new Properties();
        p.putAll(o.kafka());
        p.setProperty("transaction.timeout.ms", Long.toString(o.transactionTimeoutMs()));
        return KafkaSink.<Quarantined>builder()
                .setBootstrapServers(o.bootstrapServers())
                .setKafkaProducerConfig(p)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(o.groupId() + "-quarantine")
                .setRecordSerializer(KafkaRecordSerializationSchema.<Quarantined>builder()
                        .setTopic(o.quarantineTopic())
                        .setValueSerializationSchema(new QuarantineJson())
                        .build())
                .build();
    }
}
