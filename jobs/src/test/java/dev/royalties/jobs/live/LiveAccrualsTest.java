package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.KafkaTestBroker;
import dev.royalties.testing.PostgresTestDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live accruals in a real PostgreSQL, from a running ingest: eligible plays per (day, artist,
 * country, product); a later fraud verdict on a user takes that user's plays in its range out of
 * the counts, a later `cleared` brings them back; verdicts on a play and on a track do the same.
 */
class LiveAccrualsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final String DAY = "2026-10-02";

    @Test
    void verdictsArrivingLaterMoveTheCountsDownAndClearedBringsThemBack(@TempDir Path work) throws Exception {
        InputFolder reference = InputFolder.minimalMonth(work.resolve("reference")); // T1: A1+A2; T2: A3, full AI
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));

        LiveFixtures.Topics topics = LiveFixtures.newTopics("accruals");
        KafkaTestBroker.send(topics.plays(), List.of(
                play("P1", "U1", "T1", "10:00:00", 40_000),
                play("P2", "U1", "T1", "11:00:00", 40_000),
                play("P3", "U1", "T1", "12:00:00", 40_000),
                play("P4", "U1", "T1", "13:00:00", 40_000),
                play("P5", "U2", "T1", "10:30:00", 40_000),
                play("P6", "U2", "T1", "10:45:00", 1_000),   // short
                play("P7", "U2", "T2", "10:50:00", 40_000),  // full AI
                play("P8", "U2", "T9", "10:55:00", 40_000),  // unmatched
                play("P5", "U2", "T1", "10:31:00", 40_000)   // duplicate of P5 (later): one play
        ));
        JobClient job = LiveFixtures.start(IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(),
                topics, work.resolve("archive"), "--jdbc-url", db, "--reference", reference.root().toString(),
                "--accrual-flush-ms", "200")));
        try {
            expect(db, Map.of("A1", 5L, "A2", 5L), "plays counted");

            verdict(topics, "V1", "user", "U1", "11:30:00", null, "fraud", "2026-10-03T00:00:00Z");
            expect(db, Map.of("A1", 3L, "A2", 3L), "U1's plays from 11:30 out (P3, P4)");

            verdict(topics, "V2", "user", "U1", "11:30:00", null, "cleared", "2026-10-04T00:00:00Z");
            expect(db, Map.of("A1", 5L, "A2", 5L), "U1's plays back after cleared");

            verdict(topics, "V3", "play", "P5", null, null, "fraud", "2026-10-05T00:00:00Z");
            expect(db, Map.of("A1", 4L, "A2", 4L), "play P5 out");

            verdict(topics, "V4", "track", "T1", "10:50:00", "12:30:00", "fraud", "2026-10-06T00:00:00Z");
            expect(db, Map.of("A1", 2L, "A2", 2L), "T1 from 10:50 to 12:30 out (P2, P3): P1, P4 left");

            // A play that arrives after the verdicts is judged by them at once.
            KafkaTestBroker.send(topics.plays(), List.of(play("P9", "U1", "T1", "11:15:00", 40_000),
                    play("P10", "U3", "T1", "14:00:00", 40_000)));
            expect(db, Map.of("A1", 3L, "A2", 3L), "P9 inside the track verdict's range, P10 counted");
        } finally {
            job.cancel().get();
        }
    }

    /**
     * PostgreSQL goes away while plays keep coming: writes fail, the job restarts from its
     * checkpoints until the database is back, then the counts are exact (absolute values, written
     * again from the restored state and the replayed topic).
     */
    @Test
    void anOutageOfPostgreSqlDelaysTheCountsAndTheyAreExactWhenItIsBack(@TempDir Path work) throws Exception {
        InputFolder reference = InputFolder.minimalMonth(work.resolve("reference")); // T1: A1+A2
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        LiveFixtures.Topics topics = LiveFixtures.newTopics("accruals-outage");
        KafkaTestBroker.send(topics.plays(), List.of(play("P1", "U1", "T1", "10:00:00", 40_000),
                play("P2", "U1", "T1", "11:00:00", 40_000)));
        JobClient job = LiveFixtures.start(IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(),
                topics, work.resolve("archive"), "--jdbc-url", db, "--reference", reference.root().toString(),
                "--accrual-flush-ms", "200")));
        try {
            expect(db, Map.of("A1", 2L, "A2", 2L), "plays counted");

            try (AutoCloseable down = PostgresTestDb.outage(db)) {
                assertThatThrownBy(() -> DriverManager.getConnection(db).close()).isInstanceOf(SQLException.class);
                KafkaTestBroker.send(topics.plays(), List.of(play("P3", "U2", "T1", "12:00:00", 40_000),
                        play("P4", "U3", "T1", "13:00:00", 40_000), play("P5", "U3", "T1", "14:00:00", 40_000)));
                // the job fails and restarts, again and again: that must not take the TaskManager down
                // (QuietCloseJdbcSink), or the embedded cluster has no slots left once PostgreSQL is back
                Thread.sleep(10_000);
                assertThat(job.getJobStatus().get()).isNotIn(JobStatus.FAILED, JobStatus.CANCELED);
            }
            expect(db, Map.of("A1", 5L, "A2", 5L), "the plays sent during the outage counted once it is over");
        } finally {
            job.cancel().get();
        }
    }

    static byte[] play(String id, String user, String track, String time, int ms) {
        return LiveJson.toJson(new Play(id, user, track, Times.parseInstant(DAY + "T" + time + "Z"), ms, "DE",
                "premium"));
    }

    static void verdict(LiveFixtures.Topics topics, String id, String type, String subject, String from, String to,
                        String decision, String decidedAt) {
        KafkaTestBroker.send(topics.verdicts(), List.of(LiveJson.toJson(new Verdict(id, type, subject,
                from == null ? Times.NULL : Times.parseInstant(DAY + "T" + from + "Z"),
                to == null ? Times.NULL : Times.parseInstant(DAY + "T" + to + "Z"),
                decision, Times.parseInstant(decidedAt)))));
    }

    static void expect(String db, Map<String, Long> expected, String what) throws InterruptedException {
        Map<String, Long>[] last = new Map[1];
        try {
            LiveFixtures.await(what + ": " + expected, Duration.ofSeconds(60), () -> {
                last[0] = counts(db);
                return last[0].equals(new TreeMap<>(expected));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; live_accruals has " + last[0], e);
        }
    }

    static Map<String, Long> counts(String db) {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT artist_id, eligible_plays FROM live_accruals WHERE day = DATE '"
                     + DAY + "' AND country = 'DE' AND product = 'premium'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
