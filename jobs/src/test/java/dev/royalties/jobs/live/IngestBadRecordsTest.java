package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.testing.Flink;
import dev.royalties.testing.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records on a running (unbounded) ingest: malformed JSON, missing fields, wrong types and
 * contract breaches land in quarantine with their reason and raw text, the job keeps running (the
 * good records sent after them are archived), and the counts match.
 */
class IngestBadRecordsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final String GOOD = "{\"play_id\":\"P%d\",\"user_id\":\"U1\",\"track_id\":\"T1\","
            + "\"played_at\":\"2026-10-03T10:00:00Z\",\"ms_played\":40000,\"country\":\"SE\",\"product\":\"free\"}";

    /** message, and the words its quarantine reason must contain. */
    static final String[][] BAD_PLAYS = {
        {"{\"play_id\":\"B1\",\"user_id\":\"U1\"", "malformed JSON"},
        {"not json at all", "malformed JSON"},
        {"[1,2,3]", "not a JSON object"},
        {"", "empty message"},
        {"{\"play_id\":\"B2\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"ms_played\":40000,\"country\":\"SE\","
            + "\"product\":\"free\"}", "played_at is null"},
        {"{\"play_id\":\"B3\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\",\"ms_played\":1,"
            + "\"country\":\"SE\",\"product\":\"free\"}", "user_id is null"},
        {"{\"play_id\":\"B4\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":\"40000\",\"country\":\"SE\",\"product\":\"free\"}", "ms_played must be a whole number"},
        {"{\"play_id\":5,\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":1,\"country\":\"SE\",\"product\":\"free\"}", "play_id must be a string"},
        {"{\"play_id\":\"B6\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00\","
            + "\"ms_played\":1,\"country\":\"SE\",\"product\":\"free\"}", "with a zone"},
        {"{\"play_id\":\"B7\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":40000.5,\"country\":\"SE\",\"product\":\"free\"}", "got a decimal number"},
        {"{\"play_id\":\"B8\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":-5,\"country\":\"SE\",\"product\":\"free\"}", "ms_played is negative"},
        {"{\"play_id\":\"B9\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":40000,\"country\":\"se\",\"product\":\"free\"}", "country 'se'"},
        {"{\"play_id\":\"B10\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":40000,\"country\":\"SE\",\"product\":\"gold\"}", "product 'gold'"},
        {"{\"play_id\":\"\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":1790000000000,"
            + "\"ms_played\":40000,\"country\":\"SE\",\"product\":\"free\"}", "play_id is null or empty"},
        {"{\"play_id\":\"B12\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"2026-10-03T10:00:00Z\","
            + "\"ms_played\":99999999999,\"country\":\"SE\",\"product\":\"free\"}", "out of the INT range"},
    };

    static final String[][] BAD_USAGE = {
        {"{\"usage_id\":\"G1\",\"licensee_id\":\"L1\",\"model_id\":\"M1\",\"track_id\":\"T1\",\"scope\":\"training\","
            + "\"used_at\":\"2026-10-03T10:00:00Z\",\"units\":0}", "units is not positive"},
        {"{\"usage_id\":\"G2\",\"licensee_id\":\"L1\",\"model_id\":\"M1\",\"track_id\":\"T1\",\"scope\":\"fun\","
            + "\"used_at\":\"2026-10-03T10:00:00Z\",\"units\":3}", "scope 'fun'"},
        {"{\"usage_id\":\"G3\"", "malformed JSON"},
    };

    static final String[][] BAD_VERDICTS = {
        {"{\"verdict_id\":\"V1\",\"subject_type\":\"user\",\"subject_id\":\"U1\",\"valid_from\":\"2026-10-05T00:00:00Z\","
            + "\"valid_to\":\"2026-10-01T00:00:00Z\",\"decision\":\"fraud\",\"decided_at\":\"2026-10-20T00:00:00Z\"}",
            "not after valid_from"},
        {"{\"verdict_id\":\"V2\",\"subject_type\":\"device\",\"subject_id\":\"X\",\"decision\":\"fraud\","
            + "\"decided_at\":\"2026-10-20T00:00:00Z\"}", "subject_type 'device'"},
        // V3 is sent valid below, then again with other content: a duplicate key the monthly run would stop on
        {"{\"verdict_id\":\"V3\",\"subject_type\":\"user\",\"subject_id\":\"U9\",\"decision\":\"cleared\","
            + "\"decided_at\":\"2026-10-21T00:00:00Z\"}", "duplicate verdict_id V3"},
    };

    @Test
    void badRecordsGoToQuarantineWithReasonsAndTheJobKeepsRunning(@TempDir Path work) throws Exception {
        LiveFixtures.Topics topics = LiveFixtures.newTopics("bad");
        List<byte[]> plays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            plays.add(String.format(GOOD, i).getBytes(StandardCharsets.UTF_8));
        }
        for (String[] b : BAD_PLAYS) {
            plays.add(b[0].getBytes(StandardCharsets.UTF_8));
        }
        plays.add(new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        KafkaTestBroker.send(topics.plays(), plays);
        KafkaTestBroker.send(topics.usage(), bytes(BAD_USAGE));
        List<byte[]> verdicts = new ArrayList<>();
        verdicts.add(("{\"verdict_id\":\"V3\",\"subject_type\":\"user\",\"subject_id\":\"U9\",\"decision\":\"fraud\","
                + "\"decided_at\":\"2026-10-20T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8));
        verdicts.addAll(bytes(BAD_VERDICTS));
        KafkaTestBroker.send(topics.verdicts(), verdicts);

        Path archive = work.resolve("archive");
        JobClient job = LiveFixtures.start(IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(),
                topics, archive)));
        try {
            int expectedBad = BAD_PLAYS.length + 1 + BAD_USAGE.length + BAD_VERDICTS.length;
            LiveFixtures.await("the quarantine to be committed", Duration.ofSeconds(60),
                    () -> quarantined(archive).size() >= expectedBad && archivedPlays(archive) >= 10);
            // Good records after the bad ones: the job is still running and still archiving.
            List<byte[]> more = new ArrayList<>();
            for (int i = 10; i < 20; i++) {
                more.add(String.format(GOOD, i).getBytes(StandardCharsets.UTF_8));
            }
            KafkaTestBroker.send(topics.plays(), more);
            LiveFixtures.await("later good plays to be archived", Duration.ofSeconds(60),
                    () -> archivedPlays(archive) == 20);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

            List<String[]> q = quarantined(archive);
            assertThat(q).hasSize(expectedBad);
            Map<String, Long> byTable = q.stream().collect(Collectors.groupingBy(r -> r[0], TreeMap::new,
                    Collectors.counting()));
            assertThat(byTable).containsExactlyEntriesOf(new TreeMap<>(Map.of("ai_usage", (long) BAD_USAGE.length,
                    "fraud_verdicts", (long) BAD_VERDICTS.length, "plays", (long) BAD_PLAYS.length + 1)));
            for (String[][] group : List.of(BAD_PLAYS, BAD_USAGE, BAD_VERDICTS)) {
                for (String[] b : group) {
                    assertThat(q).as("quarantined with reason '" + b[1] + "': " + b[0])
                            .anySatisfy(r -> {
                                assertThat(r[1]).isEqualTo(b[0]);
                                assertThat(r[2]).contains(b[1]);
                            });
                }
            }
            assertThat(q).anySatisfy(r -> assertThat(r[1]).startsWith("\uFFFD"));
            assertThat(LiveFixtures.archived(archive, Tables.FRAUD_VERDICTS, Tables.VERDICT))
                    .singleElement().satisfies(v -> assertThat(v.decision()).isEqualTo("fraud"));
            LiveFixtures.await("the quarantine topic", Duration.ofSeconds(30),
                    () -> KafkaTestBroker.readAll(topics.quarantine(), Duration.ofSeconds(5)).size() == expectedBad);
        } finally {
            job.cancel().get();
        }
    }

    static List<byte[]> bytes(String[][] rows) {
        List<byte[]> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(r[0].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static List<String[]> quarantined(Path archive) {
        try {
            return LiveFixtures.quarantined(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int archivedPlays(Path archive) {
        try {
            return LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
