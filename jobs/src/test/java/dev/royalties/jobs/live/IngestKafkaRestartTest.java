package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.PostgresTestDb;
import dev.royalties.testing.RestartableKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker is stopped and started again (same ports, same log folder) while plays keep
 * arriving and a running ingest reads them, with the quarantine topic (Kafka transactions) and the
 * live accruals on. Afterwards every play the producer got an ack for is archived exactly once,
 * every bad message is quarantined exactly once (files and topic), and live_accruals equals the
 * count of the plays. The test prints what the job did meanwhile (state, checkpoints, failures):
 * docs/live.md's "Kafka is unreachable" is written from that.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class IngestKafkaRestartTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final ObjectMapper JSON = new ObjectMapper();
    // Days close to now: a malformed message carries its Kafka time (now) as event time, so its
    // partition's watermark jumps to now; plays of days older than the accrual retention would then
    // no longer be counted live (as documented), which is not what this test is about.
    static final String DAY_1 = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
    static final String DAY_2 = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
    static final int BEFORE = 4_000;
    static final int OUTAGE_MS = 15_000;
    static final int EVERY_BAD = 97;

    @Test
    void aBrokerRestartMidStreamLosesAndDuplicatesNothing(@TempDir Path work) throws Exception {
        InputFolder reference = InputFolder.minimalMonth(work.resolve("reference")); // T1: A1 + A2
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        try (RestartableKafkaBroker broker = RestartableKafkaBroker.start(work.resolve("kafka-logs"));
             Producer producer = new Producer(broker)) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            LiveFixtures.Topics topics = new LiveFixtures.Topics("plays-" + suffix, "usage-" + suffix,
                    "verdicts-" + suffix, "quarantine-" + suffix);
            broker.createTopic(topics.plays(), 4);
            broker.createTopic(topics.usage(), 2);
            broker.createTopic(topics.verdicts(), 1);
            broker.createTopic(topics.quarantine(), 1);

            Path archive = work.resolve("archive");
            producer.send(topics.plays(), 0, BEFORE);
            JobClient job = LiveFixtures.start(IngestCommand.parse(LiveFixtures.args(broker.bootstrapServers(), topics,
                    archive, "--jdbc-url", db, "--reference", reference.root().toString(), "--accrual-flush-ms", "200")));
            Timeline timeline = new Timeline(job);
            try {
                await(timeline, archive, db, "the first plays archived and counted", Duration.ofSeconds(40),
                        good(BEFORE), 2L * eligible(BEFORE));
                timeline.mark("before the outage: all " + BEFORE + " first messages archived and counted");

                // Plays keep coming in the background, through the outage (the producer buffers and retries).
                Thread sender = new Thread(() -> producer.trickle(topics.plays(), BEFORE, 100, 100), "play-sender");
                sender.start();
                LiveFixtures.await("plays sent while the broker is up", Duration.ofSeconds(60),
                        () -> producer.sent.get() >= BEFORE + 2_000);
                timeline.mark("broker stopping (" + producer.sent.get() + " messages sent so far)");
                broker.stop();
                timeline.mark("broker down");
                timeline.watch(Duration.ofMillis(OUTAGE_MS));
                broker.startAgain(Duration.ofSeconds(60));
                timeline.mark("broker up again on " + broker.bootstrapServers());
                sender.join(120_000);
                assertThat(sender.isAlive()).as("the sender finished").isFalse();
                assertThat(producer.failures).as("sends that failed (not acked)").isEmpty();
                int total = producer.sent.get();
                timeline.mark("all " + total + " messages acked");

                await(timeline, archive, db, "every play archived and counted after the restart",
                        Duration.ofSeconds(120), good(total), 2L * eligible(total));
                timeline.mark("caught up");
                Thread.sleep(2_000); // a few more checkpoints: nothing more may appear
                timeline.sample();
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

                List<String> ids = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream()
                        .map(p -> p.playId).sorted().toList();
                assertThat(ids).hasSize(good(total)).doesNotHaveDuplicates();
                assertThat(Set.copyOf(ids)).isEqualTo(goodIds(total));
                assertThat(readAll(broker, topics.plays())).as("the topic itself: each message once").hasSize(total);

                assertThat(counts(db)).isEqualTo(expectedCounts(total));
                List<String> quarantined = LiveFixtures.quarantined(archive).stream().map(r -> r[1]).sorted().toList();
                assertThat(quarantined).hasSize(total - good(total)).doesNotHaveDuplicates();
                assertThat(readAll(broker, topics.quarantine())).as("quarantine topic, read_committed")
                        .hasSize(total - good(total));
            } finally {
                timeline.print();
                job.cancel().get();
            }
        }
    }

    /** Waits for the archive and live_accruals to reach the expected counts; the failure says where they stood. */
    static void await(Timeline timeline, Path archive, String db, String what, Duration timeout, int plays,
                      long accruals) throws InterruptedException {
        long[] last = new long[2];
        try {
            LiveFixtures.await(what, timeout, () -> {
                timeline.sample();
                last[0] = archived(archive);
                last[1] = sum(db);
                return last[0] >= plays && last[1] == accruals;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": archived " + last[0] + " of " + plays + " plays, accruals sum "
                    + last[1] + " of " + accruals + " " + counts(db), e);
        }
    }

    // ---- the plays: two days, every EVERY_BAD-th message malformed, every 10th short ----

    static boolean bad(int i) {
        return i % EVERY_BAD == EVERY_BAD - 1;
    }

    static boolean shortPlay(int i) {
        return i % 10 == 3;
    }

    static byte[] message(int i) {
        if (bad(i)) {
            return ("{\"play_id\":\"R" + i + "\",").getBytes(StandardCharsets.UTF_8);
        }
        String day = i % 2 == 0 ? DAY_1 : DAY_2;
        return LiveJson.toJson(new Play(String.format("R%06d", i), "U" + (i % 211), "T1",
                Times.micros(Instant.parse(day + "T00:00:00Z")) + i * 1_000_000L, shortPlay(i) ? 1_000 : 40_000,
                "DE", "premium"));
    }

    static int good(int n) {
        int g = 0;
        for (int i = 0; i < n; i++) {
            g += bad(i) ? 0 : 1;
        }
        return g;
    }

    static int eligible(int n) {
        int e = 0;
        for (int i = 0; i < n; i++) {
            e += bad(i) || shortPlay(i) ? 0 : 1;
        }
        return e;
    }

    static Set<String> goodIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!bad(i)) {
                ids.add(String.format("R%06d", i));
            }
        }
        return Set.copyOf(ids);
    }

    static Map<String, Long> expectedCounts(int n) {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (!bad(i) && !shortPlay(i)) {
                String day = i % 2 == 0 ? DAY_1 : DAY_2;
                out.merge(day + " A1", 1L, Long::sum);
                out.merge(day + " A2", 1L, Long::sum);
            }
        }
        return out;
    }

    /** A producer that never gives up on its own: idempotent, acks=all, long delivery timeout. */
    static final class Producer implements AutoCloseable {
        final KafkaProducer<byte[], byte[]> kafka;
        final AtomicInteger sent = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean closed = new AtomicBoolean();

        Producer(RestartableKafkaBroker broker) {
            Properties p = broker.clientProps();
            p.setProperty("key.serializer", ByteArraySerializer.class.getName());
            p.setProperty("value.serializer", ByteArraySerializer.class.getName());
            p.setProperty("acks", "all");
            p.setProperty("enable.idempotence", "true");
            p.setProperty("linger.ms", "5");
            p.setProperty("delivery.timeout.ms", "180000");
            p.setProperty("request.timeout.ms", "10000");
            p.setProperty("max.block.ms", "180000");
            kafka = new KafkaProducer<>(p);
        }

        void send(String topic, int from, int to) {
            for (int i = from; i < to; i++) {
                int n = i;
                kafka.send(new ProducerRecord<>(topic, message(i)), (md, e) -> {
                    if (e != null) {
                        failures.add(n + ": " + e);
                    }
                });
            }
            kafka.flush();
            sent.set(to);
        }

        /** Batches of {@code batch} messages every {@code pauseMs}, from {@code from}, for about 25 s. */
        void trickle(String topic, int from, int batch, int pauseMs) {
            int i = from;
            long end = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            try {
                while (System.nanoTime() < end && !closed.get()) {
                    for (int k = 0; k < batch; k++, i++) {
                        int n = i;
                        kafka.send(new ProducerRecord<>(topic, message(i)), (md, e) -> {
                            if (e != null) {
                                failures.add(n + ": " + e);
                            }
                        });
                    }
                    sent.set(i);
                    Thread.sleep(pauseMs);
                }
                kafka.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            closed.set(true);
            kafka.close(Duration.ofSeconds(10));
        }
    }

    /** What the job showed over time, from its JobClient and the MiniCluster's REST API. */
    static final class Timeline {
        final JobClient job;
        final long t0 = System.nanoTime();
        final List<String> lines = new ArrayList<>();
        final HttpClient http = HttpClient.newHttpClient();
        final String rest;
        String last = "";

        Timeline(JobClient job) {
            this.job = job;
            var c = FLINK.getClientConfiguration();
            rest = "http://" + c.get(RestOptions.ADDRESS) + ":" + c.get(RestOptions.PORT);
        }

        synchronized void mark(String what) {
            lines.add(String.format("%6.1f s  %s", (System.nanoTime() - t0) / 1e9, what));
        }

        /** State and checkpoint counts, recorded when they change. */
        synchronized void sample() {
            String now;
            try {
                JsonNode cp = get("/jobs/" + job.getJobID() + "/checkpoints").path("counts");
                now = "job " + job.getJobStatus().get() + ", checkpoints completed " + cp.path("completed").asInt()
                        + " failed " + cp.path("failed").asInt() + " in progress " + cp.path("in_progress").asInt()
                        + ", failures so far " + get("/jobs/" + job.getJobID() + "/exceptions")
                        .path("exceptionHistory").path("entries").size();
            } catch (Exception e) {
                now = "job state unreadable: " + e;
            }
            if (!now.equals(last)) {
                mark(now);
                last = now;
            }
        }

        void watch(Duration d) throws InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < end) {
                sample();
                Thread.sleep(250);
            }
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(rest + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }

        void print() {
            sample();
            try {
                for (JsonNode v : get("/jobs/" + job.getJobID()).path("vertices")) {
                    mark("operator '" + v.path("name").asText() + "': records in " + v.path("metrics")
                            .path("read-records").asLong() + ", out " + v.path("metrics").path("write-records").asLong());
                }
                JsonNode entries = get("/jobs/" + job.getJobID() + "/exceptions").path("exceptionHistory")
                        .path("entries");
                for (JsonNode e : entries) {
                    String s = e.path("stacktrace").asText();
                    mark("failure at " + Instant.ofEpochMilli(e.path("timestamp").asLong()) + ": "
                            + e.path("exceptionName").asText() + " in " + e.path("taskName").asText() + ": "
                            + s.lines().findFirst().orElse(""));
                }
            } catch (Exception e) {
                mark("exceptions unreadable: " + e);
            }
            System.out.println("[IngestKafkaRestartTest] timeline:\n" + String.join("\n", lines));
        }
    }

    static List<byte[]> readAll(RestartableKafkaBroker broker, String topic) {
        Properties p = broker.clientProps();
        p.setProperty("key.deserializer", ByteArrayDeserializer.class.getName());
        p.setProperty("value.deserializer", ByteArrayDeserializer.class.getName());
        p.setProperty("isolation.level", "read_committed");
        p.setProperty("auto.offset.reset", "earliest");
        p.setProperty("group.id", "reader-" + UUID.randomUUID());
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            c.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int idle = 0;
            while (System.nanoTime() < deadline && idle < 3) {
                var records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !c.assignment().isEmpty()) {
                    idle++;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    out.add(r.value());
                    idle = 0;
                }
            }
        }
        return out;
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
             ResultSet rs = s.executeQuery("SELECT day, artist_id, eligible_plays FROM live_accruals"
                     + " WHERE eligible_plays > 0")) {
            while (rs.next()) {
                out.put(rs.getDate(1).toLocalDate() + " " + rs.getString(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
