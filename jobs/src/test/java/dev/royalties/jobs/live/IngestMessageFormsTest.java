package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.rules.Times;
import dev.royalties.testing.Flink;
import dev.royalties.testing.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timestamp and field forms of docs/live.md through Kafka: a zone region without an offset and
 * a time without seconds are archived at the right instant; nanoseconds and a field given twice go
 * to the quarantine (files and topic) with their reason, never silently cut or overwritten.
 */
class IngestMessageFormsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static String play(String id, String playedAt, String extra) {
        return "{\"play_id\":\"" + id + "\",\"user_id\":\"U1\",\"track_id\":\"T1\",\"played_at\":\"" + playedAt
                + "\",\"ms_played\":40000,\"country\":\"FR\",\"product\":\"free\"" + extra + "}";
    }

    @Test
    void zoneRegionsAndMinutesAreArchivedNanosecondsAndRepeatedFieldsAreQuarantined(@TempDir Path work)
            throws Exception {
        LiveFixtures.Topics topics = LiveFixtures.newTopics("forms");
        String nanos = play("N1", "2026-10-05T02:30:00.123456789Z", "");
        String twice = play("D1", "2026-10-05T02:30:00Z", ",\"ms_played\":1000");
        KafkaTestBroker.send(topics.plays(), List.of(
                play("Z1", "2026-10-05T02:30:00[Europe/Paris]", ""),
                play("Z2", "2026-10-25T02:30:00[Europe/Paris]", ""),   // DST overlap: the earlier offset
                play("M1", "2026-10-05T02:30Z", ""),
                nanos, twice).stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());

        Path archive = work.resolve("archive");
        LiveFixtures.runBounded(IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(), topics,
                archive, "--bounded")), UnaryOperator.identity());

        Map<String, Long> archived = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream()
                .collect(Collectors.toMap(p -> p.playId, p -> p.playedAt));
        assertThat(archived).containsOnly(
                Map.entry("Z1", micros("2026-10-05T00:30:00Z")),
                Map.entry("Z2", micros("2026-10-25T00:30:00Z")),
                Map.entry("M1", micros("2026-10-05T02:30:00Z")));

        Map<String, String[]> quarantine = LiveFixtures.quarantined(archive).stream()
                .collect(Collectors.toMap(r -> r[1], Function.identity()));
        assertThat(quarantine).containsOnlyKeys(nanos, twice);
        assertThat(quarantine.get(nanos)[2]).isEqualTo("played_at '2026-10-05T02:30:00.123456789Z' is finer than"
                + " microseconds (at most 6 fractional digits, or zeros after them)");
        assertThat(quarantine.get(twice)[2]).isEqualTo("field 'ms_played' appears more than once: ambiguous message");
        assertThat(quarantine.values()).allSatisfy(r -> assertThat(r[0]).isEqualTo("plays"));

        List<String> topic = KafkaTestBroker.readAll(topics.quarantine(), java.time.Duration.ofSeconds(10)).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertThat(topic).hasSize(2).anySatisfy(m -> assertThat(m).contains("appears more than once"))
                .anySatisfy(m -> assertThat(m).contains("finer than microseconds"));
    }

    static long micros(String instant) {
        return Times.micros(Instant.parse(instant));
    }
}
