package dev.royalties.jobs.live;

import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import dev.royalties.testing.KafkaTestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Shared helpers of the live tests: the worked example's events, topics, running ingest, reading the archive. */
final class LiveFixtures {
    static final Path EXAMPLE = Paths.get("src/test/resources/examples/small");
    static final Path EXAMPLE_INPUT = EXAMPLE.resolve("input");

    private LiveFixtures() {}

    record Topics(String plays, String usage, String verdicts, String quarantine) {}

    static Topics newTopics(String test) {
        return new Topics(KafkaTestBroker.newTopic(test + "-plays", 4), KafkaTestBroker.newTopic(test + "-usage", 2),
                KafkaTestBroker.newTopic(test + "-verdicts", 1), KafkaTestBroker.newTopic(test + "-quarantine", 1));
    }

    static <T> List<T> exampleTable(TableSchema t, dev.royalties.io.RowMapper<T> m) throws IOException {
        return TableFiles.readAll(new org.apache.flink.core.fs.Path(EXAMPLE_INPUT.resolve(t.name()).toUri()), t, m);
    }

    static List<Play> examplePlays() throws IOException {
        return exampleTable(Tables.PLAYS, Tables.PLAY);
    }

    static List<Usage> exampleUsage() throws IOException {
        return exampleTable(Tables.AI_USAGE, Tables.USAGE);
    }

    static List<Verdict> exampleVerdicts() throws IOException {
        return exampleTable(Tables.FRAUD_VERDICTS, Tables.VERDICT);
    }

    static <T> List<T> archived(Path archive, TableSchema t, dev.royalties.io.RowMapper<T> m) throws IOException {
        return TableFiles.readAll(new org.apache.flink.core.fs.Path(archive.resolve(t.name()).toUri()), t, m);
    }

    /** The archive's quarantine rows as [source_table, record, reason, origin]. */
    static List<String[]> quarantined(Path archive) throws IOException {
        Path dir = archive.resolve(Archive.QUARANTINE_FOLDER);
        List<String[]> rows = new ArrayList<>();
        if (!Files.exists(dir)) {
            return rows;
        }
        // TableFiles skips '_' names, so list the table folders below _quarantine explicitly.
        try (Stream<Path> tables = Files.list(dir)) {
            for (Path t : tables.toList()) {
                rows.addAll(TableFiles.readAll(new org.apache.flink.core.fs.Path(t.toUri()), Archive.QUARANTINE,
                        r -> new String[] {r.string(0), r.string(1), r.string(2), r.string(3)}));
            }
        }
        return rows;
    }

    static String[] args(String bootstrap, Topics t, Path archive, String... more) {
        List<String> a = new ArrayList<>(List.of("--bootstrap-servers", bootstrap, "--archive", archive.toString(),
                "--plays-topic", t.plays(), "--usage-topic", t.usage(), "--verdicts-topic", t.verdicts(),
                "--quarantine-topic", t.quarantine(), "--group-id", "it-" + t.plays(),
                "--transaction-timeout-ms", "60000", "--checkpoint-interval-ms", "500",
                "--idleness-ms", "1000", "--parallelism", "2"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static StreamExecutionEnvironment environment(IngestCommand.Options o, UnaryOperator<DataStream<Play>> tap)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                IngestCommand.configuration(o));
        IngestCommand.build(env, o, tap);
        return env;
    }

    /** Runs a --bounded ingest to its end (every source read to the offsets latest at start, all committed). */
    static void runBounded(IngestCommand.Options o, UnaryOperator<DataStream<Play>> tap) throws Exception {
        environment(o, tap).execute("ingest (bounded test run)");
    }

    static JobClient start(IngestCommand.Options o) throws Exception {
        return environment(o, UnaryOperator.identity()).executeAsync("ingest (streaming test run)");
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
