package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.monthly.MonthlyOptions;
import dev.royalties.jobs.monthly.MonthlyRun;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import dev.royalties.testing.Flink;
import dev.royalties.testing.KafkaTestBroker;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the worked example: its plays, usage and verdicts go to Kafka as JSON; ingest runs
 * until everything is committed; the archive is exactly the valid input, the quarantine exactly
 * the invalid rows; and `monthly` on the archive (plus the reference tables) gives the example's
 * expected outputs, both revisions.
 */
class IngestEndToEndTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    @TempDir
    static Path work;
    static Path archive;
    static LiveFixtures.Topics topics;
    static List<Play> plays;
    static List<Usage> usage;
    static List<Verdict> verdicts;

    @BeforeAll
    static void produceAndIngest() throws Exception {
        plays = LiveFixtures.examplePlays();
        usage = LiveFixtures.exampleUsage();
        verdicts = LiveFixtures.exampleVerdicts();
        topics = LiveFixtures.newTopics("e2e");
        KafkaTestBroker.send(topics.plays(), plays.stream().map(LiveJson::toJson).toList());
        KafkaTestBroker.send(topics.usage(), usage.stream().map(LiveJson::toJson).toList());
        KafkaTestBroker.send(topics.verdicts(), verdicts.stream().map(LiveJson::toJson).toList());
        archive = work.resolve("archive");
        LiveFixtures.runBounded(IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(), topics,
                archive, "--bounded")), UnaryOperator.identity());
    }

    @Test
    void archiveHoldsExactlyTheValidRowsInTheInputLayout() throws Exception {
        List<String> expectedPlays = plays.stream().filter(p -> EventValidation.playProblem(p) == null)
                .map(Play::toJson).sorted().toList();
        List<String> archivedPlays = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream()
                .map(Play::toJson).sorted().toList();
        assertThat(archivedPlays).hasSize(expectedPlays.size()).containsExactlyElementsOf(expectedPlays);

        List<String> expectedUsage = usage.stream().filter(u -> EventValidation.usageProblem(u) == null)
                .map(Usage::toJson).sorted().toList();
        assertThat(LiveFixtures.archived(archive, Tables.AI_USAGE, Tables.USAGE).stream().map(Usage::toJson)
                .sorted().toList()).containsExactlyElementsOf(expectedUsage);

        assertThat(LiveFixtures.archived(archive, Tables.FRAUD_VERDICTS, Tables.VERDICT))
                .containsExactlyInAnyOrderElementsOf(verdicts);

        // plays/dt=YYYY-MM-DD/part-*.parquet, the day being the row's own (UTC) day of played_at
        try (Stream<Path> files = Files.walk(archive.resolve("plays"))) {
            List<Path> parts = files.filter(Files::isRegularFile).toList();
            assertThat(parts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getFileName().toString()).startsWith("part").endsWith(".parquet");
                assertThat(f.getParent().getFileName().toString()).matches("dt=\\d{4}-\\d{2}-\\d{2}");
                assertThat(f.getParent().getParent()).isEqualTo(archive.resolve("plays"));
            });
        }
        for (Path day : Files.list(archive.resolve("plays")).toList()) {
            String dt = day.getFileName().toString().substring(3);
            assertThat(dev.royalties.io.TableFiles.readAll(new org.apache.flink.core.fs.Path(day.toUri()),
                    Tables.PLAYS, Tables.PLAY)).allSatisfy(p ->
                    assertThat(dev.royalties.rules.Times.iso(p.playedAt)).startsWith(dt));
        }
    }

    @Test
    void invalidRowsAreQuarantinedWithReasonAndRawText() throws Exception {
        List<String[]> q = LiveFixtures.quarantined(archive);
        long badPlays = plays.stream().filter(p -> EventValidation.playProblem(p) != null).count();
        long badUsage = usage.stream().filter(u -> EventValidation.usageProblem(u) != null).count();
        Map<String, Long> byTable = q.stream().collect(Collectors.groupingBy(r -> r[0], TreeMap::new,
                Collectors.counting()));
        assertThat(byTable).isEqualTo(new TreeMap<>(Map.of("plays", badPlays, "ai_usage", badUsage)));
        assertThat(q).allSatisfy(r -> {
            assertThat(r[1]).startsWith("{");
            assertThat(r[2]).isNotBlank();
            assertThat(r[3]).matches(".+-\\d+@\\d+");
        });
        // Those a run of 2026-10 reports (timestamp in the period or null) are the example's quarantine counts.
        Period october = Period.parse("2026-10");
        Map<String, Long> inPeriod = new TreeMap<>();
        for (String[] r : q) {
            byte[] raw = r[1].getBytes(StandardCharsets.UTF_8);
            long ts = r[0].equals("plays") ? LiveJson.play(raw).playedAt : LiveJson.usage(raw).usedAt;
            if (EventValidation.quarantinedIn(october, ts)) {
                inPeriod.merge(r[0], 1L, Long::sum);
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        for (String l : OutputCsv.expected(LiveFixtures.EXAMPLE.resolve("expected/revision-1/quarantine_counts.csv"))) {
            expected.put(l.split(",")[0], Long.parseLong(l.split(",")[1]));
        }
        assertThat(inPeriod).isEqualTo(expected);
        // The quarantine topic (exactly-once, transactional) holds the same messages.
        assertThat(KafkaTestBroker.readAll(topics.quarantine(), Duration.ofSeconds(20))).hasSize(q.size());
    }

    @Test
    void monthlyOnTheArchiveGivesTheExpectedOutputs() throws Exception {
        Path input = work.resolve("monthly-input");
        Files.createDirectories(input);
        // The archive is the event side of the input; the reference tables come from their own systems.
        for (String t : List.of("plays", "ai_usage", "fraud_verdicts")) {
            copyTree(archive.resolve(t), input.resolve(t));
        }
        for (String t : List.of("tracks", "track_rights", "revenue_pools", "ai_consent", "ai_licences")) {
            copyTree(LiveFixtures.EXAMPLE_INPUT.resolve(t), input.resolve(t));
        }
        Path out = work.resolve("monthly-output");
        monthly(input, out, "2026-11-05T00:00:00Z");
        monthly(input, out, "2026-12-20T00:00:00Z");
        assertMatches(out, 1, "revision-1", Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS);
        assertMatches(out, 2, "revision-2", Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.ADJUSTMENTS);
        // Invalid rows never reached the archive: they are in ingest's quarantine instead.
        assertThat(OutputCsv.read(out, Tables.QUARANTINE, "2026-10", 1)).isEmpty();
    }

    static void monthly(Path input, Path out, String asOf) throws Exception {
        MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input", input.toString(),
            "--output", out.toString(), "--as-of", asOf, "--user-monthly-cap", "15", "--parallelism", "2"}),
                new PrintStream(new ByteArrayOutputStream()));
    }

    static void assertMatches(Path out, int revision, String dir, TableSchema... tables) throws Exception {
        for (TableSchema t : tables) {
            Path csv = LiveFixtures.EXAMPLE.resolve("expected/" + dir + "/" + t.name() + ".csv");
            List<String> expected = OutputCsv.expected(csv);
            assertThat(OutputCsv.readAsIn(csv, out, t, "2026-10", revision)).as(t.name() + " revision " + revision)
                    .containsExactlyElementsOf(expected);
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}
