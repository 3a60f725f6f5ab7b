package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.royalties.io.Tables;
import dev.royalties.jobs.cluster.FlinkCluster;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.KafkaTestBroker;
import dev.royalties.testing.PostgresTestDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `royalties ingest` on a real standalone cluster (JobManager and two TaskManagers as JVM
 * processes, royalties.jar submitted with `flink run -d`), archive and live accruals on. While
 * plays arrive, a TaskManager that runs the job's tasks is killed with SIGKILL; the JobManager
 * notices it is gone, the job restarts from its last checkpoint on the surviving TaskManager, and a
 * replacement TaskManager joins. Afterwards every play is archived exactly once and live_accruals
 * equals the plays' count. Runs after `package` (failsafe): it needs royalties.jar and the
 * cluster's lib/.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class IngestTaskManagerKillIT {
    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path JAR = path("royalties.jar", "target/royalties.jar");
    static final Path CLUSTER_HOME = path("flink.cluster.home", "target/flink-cluster");
    static final Path CONF = path("royalties.conf", "../conf");
    static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static final int BEFORE = 3_000;
    static final int DURING = 12_000;

    static Path path(String property, String fallback) {
        String p = System.getProperty(property);
        return (p != null ? Path.of(p) : BASE.resolve(fallback)).toAbsolutePath().normalize();
    }

    static byte[] play(int i) {
        return LiveJson.toJson(new Play(String.format("K%06d", i), "U" + (i % 307), "T1",
                Times.parseInstant(DAY + "T00:00:00Z") + i * 2_000_000L, i % 10 == 3 ? 1_000 : 40_000, "SE", "free"));
    }

    static int eligible(int n) {
        int e = 0;
        for (int i = 0; i < n; i++) {
            e += i % 10 == 3 ? 0 : 1;
        }
        return e;
    }

    @Test
    void aTaskManagerKilledWhilePlaysArriveLosesAndDuplicatesNothing(@TempDir Path work) throws Exception {
        assertThat(JAR).as("royalties.jar (mvn package)").exists();
        InputFolder reference = InputFolder.minimalMonth(work.resolve("reference")); // T1: A1 + A2
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        LiveFixtures.Topics topics = LiveFixtures.newTopics("tm-kill");
        Path archive = work.resolve("archive");
        KafkaTestBroker.send(topics.plays(), range(0, BEFORE));

        // Heartbeats every second: a TaskManager that stops answering is declared lost in seconds
        // (Flink's defaults, 10 s and 50 s, would make the test wait up to a minute).
        try (FlinkCluster cluster = FlinkCluster.start(CLUSTER_HOME.resolve("lib"), CONF.resolve("flink/config.yaml"),
                work.resolve("cluster"), 2, Map.of("heartbeat.interval", "1000", "heartbeat.timeout", "10000"),
                Duration.ofSeconds(120))) {
            List<String> args = new ArrayList<>(List.of("ingest"));
            args.addAll(List.of(LiveFixtures.args(KafkaTestBroker.bootstrapServers(), topics, archive,
                    "--jdbc-url", db, "--reference", reference.root().toString(), "--accrual-flush-ms", "200")));
            FlinkCluster.Result submitted = cluster.flinkRun(List.of("-d"), JAR, args, Duration.ofMinutes(2));
            assertThat(submitted.exitCode()).as("flink run -d ingest:\n%s\n%s", submitted.output(), cluster.logTails())
                    .isZero();
            String jobId = runningJob(cluster);
            await(cluster, "the first plays archived and counted", Duration.ofSeconds(90),
                    () -> archived(archive) == BEFORE && sum(db) == 2L * eligible(BEFORE));

            AtomicInteger sent = new AtomicInteger(BEFORE);
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> trickle(topics.plays(), sent, sendFailure), "play-sender");
            sender.start();
            await(cluster, "plays arriving", Duration.ofSeconds(60), () -> sent.get() >= BEFORE + 2_000);

            String victim = taskManagerRunning(cluster, jobId);
            long killedAt = System.currentTimeMillis();
            int exit = cluster.killTaskManager(victim);
            System.out.printf("[IngestTaskManagerKillIT] killed %s (exit %d) after %d plays sent%n", victim, exit,
                    sent.get());
            assertThat(exit).as("killed by SIGKILL").isEqualTo(137);
            String replacement = cluster.startTaskManager();

            sender.join(120_000);
            assertThat(sender.isAlive()).isFalse();
            assertThat(sendFailure.get()).as("every send acked").isNull();
            int total = sent.get();
            await(cluster, "every play archived and counted after the kill", Duration.ofSeconds(150),
                    () -> archived(archive) >= total && sum(db) == 2L * eligible(total));
            long caughtUpAt = System.currentTimeMillis();
            await(cluster, "the replacement TaskManager registered", Duration.ofSeconds(60),
                    () -> registered(cluster).contains(replacement));
            Thread.sleep(2_000); // a few more checkpoints: nothing more may appear

            JsonNode job = cluster.get("/jobs/" + jobId);
            assertThat(job.path("state").asText()).isEqualTo("RUNNING");
            JsonNode failures = cluster.get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
            assertThat(failures.size()).as("the job failed over (lost TaskManager)").isPositive();
            System.out.printf("[IngestTaskManagerKillIT] %d plays; %d failure(s), the first %.1f s after the kill: %s;"
                    + " every play archived and counted %.1f s after the kill%n", total, failures.size(),
                    (failures.get(0).path("timestamp").asLong() - killedAt) / 1e3, failures.get(0)
                    .path("stacktrace").asText().lines().findFirst().orElse(""), (caughtUpAt - killedAt) / 1e3);
            assertThat(registered(cluster)).doesNotContain(victim);

            List<String> ids = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream().map(p -> p.playId)
                    .sorted().toList();
            assertThat(ids).hasSize(total).doesNotHaveDuplicates();
            assertThat(ids.get(0)).isEqualTo("K000000");
            assertThat(ids.get(total - 1)).isEqualTo(String.format("K%06d", total - 1));
            assertThat(counts(db)).isEqualTo(Map.of("A1", (long) eligible(total), "A2", (long) eligible(total)));
            assertThat(LiveFixtures.quarantined(archive)).isEmpty();
            try (var files = java.nio.file.Files.walk(archive.resolve("plays"))) {
                System.out.printf("[IngestTaskManagerKillIT] in-progress part files left in plays/: %d%n",
                        files.filter(f -> f.getFileName().toString().endsWith(".inprogress")
                                || f.getFileName().toString().contains(".inprogress.")).count());
            }

            cluster.get("/jobs/" + jobId); // still answering
            var cancel = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://" + cluster.restAddress() + "/jobs/" + jobId + "?mode=cancel"))
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(cancel.statusCode() / 100).isEqualTo(2);
        }
    }

    static List<byte[]> range(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(play(i));
        }
        return out;
    }

    /** DURING plays in batches of 100 every 50 ms (about 6 s of traffic), each acked. */
    static void trickle(String topic, AtomicInteger sent, AtomicReference<Throwable> failure) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaTestBroker.producer()) {
            for (int i = BEFORE; i < BEFORE + DURING; ) {
                for (int k = 0; k < 100; k++, i++) {
                    producer.send(new ProducerRecord<>(topic, play(i)), (md, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                sent.set(i);
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    static String runningJob(FlinkCluster cluster) throws Exception {
        AtomicReference<String> id = new AtomicReference<>();
        await(cluster, "the ingest job running", Duration.ofSeconds(60), () -> {
            try {
                for (JsonNode j : cluster.get("/jobs/overview").path("jobs")) {
                    if ("RUNNING".equals(j.path("state").asText())) {
                        id.set(j.path("jid").asText());
                    }
                }
            } catch (IOException | InterruptedException e) {
                return false;
            }
            return id.get() != null;
        });
        return id.get();
    }

    /** A TaskManager that runs at least one of the job's subtasks now. */
    static String taskManagerRunning(FlinkCluster cluster, String jobId) throws Exception {
        Set<String> hosts = new LinkedHashSet<>();
        for (JsonNode v : cluster.get("/jobs/" + jobId).path("vertices")) {
            for (JsonNode tm : cluster.get("/jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/taskmanagers")
                    .path("taskmanagers")) {
                hosts.add(tm.path("taskmanager-id").asText());
            }
        }
        System.out.printf("[IngestTaskManagerKillIT] the job's subtasks run on %s%n", hosts);
        return hosts.stream().filter(cluster.taskManagers()::containsKey).findFirst()
                .orElseThrow(() -> new AssertionError("no subtask on a known TaskManager: " + hosts));
    }

    static Set<String> registered(FlinkCluster cluster) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            for (JsonNode tm : cluster.get("/taskmanagers").path("taskmanagers")) {
                ids.add(tm.path("id").asText());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    static void await(FlinkCluster cluster, String what, Duration timeout, java.util.function.BooleanSupplier c)
            throws InterruptedException {
        try {
            LiveFixtures.await(what, timeout, c);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + cluster.logTails(), e);
        }
    }

    static int archived(Path archive) {
        try {
            return LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sum(String db) {
        return counts(db).values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<String, Long> counts(String db) {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT artist_id, sum(eligible_plays) FROM live_accruals GROUP BY artist_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
