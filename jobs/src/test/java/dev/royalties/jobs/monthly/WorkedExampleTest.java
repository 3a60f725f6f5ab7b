package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.testing.Flink;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of the spec (examples/small): the first run (revision 1) and the backfill
 * (revision 2, with adjustments) must match the expected CSVs row for row, to the cent.
 */
class WorkedExampleTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final Path EXAMPLE = Paths.get("src/test/resources/examples/small");
    static final String INPUT = EXAMPLE.resolve("input").toString();

    @TempDir
    static Path output;
    static MonthlyRun.Result first;
    static MonthlyRun.Result backfill;
    static Map<Path, byte[]> revisionOneFiles;

    @BeforeAll
    static void runBothRevisions() throws Exception {
        first = run(output, "2026-11-05T00:00:00Z", 2);
        revisionOneFiles = snapshot(output);
        backfill = run(output, "2026-12-20T00:00:00Z", 2);
    }

    static MonthlyRun.Result run(Path out, String asOf, int parallelism) throws Exception {
        MonthlyOptions o = MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input", INPUT, "--output",
            out.toString(), "--as-of", asOf, "--user-monthly-cap", "15", "--parallelism", "" + parallelism});
        return MonthlyRun.run(o, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void firstRunIsRevisionOneAndMatchesExpected() throws Exception {
        assertThat(first.revision()).isEqualTo(1);
        assertMatches(1, "revision-1", Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS);
        assertThat(output.resolve("adjustments/period=2026-10/revision=1")).doesNotExist();
    }

    @Test
    void backfillIsRevisionTwoWithAdjustmentsAgainstRevisionOne() throws Exception {
        assertThat(backfill.revision()).isEqualTo(2);
        assertThat(backfill.manifest().get("previous_revision").asInt()).isEqualTo(1);
        assertMatches(2, "revision-2", Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.ADJUSTMENTS);
    }

    @Test
    void quarantineCountsMatchPerSourceTable() throws Exception {
        for (int rev = 1; rev <= 2; rev++) {
            Map<String, Long> counts = OutputCsv.read(output, Tables.QUARANTINE, "2026-10", rev).stream()
                    .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')), TreeMap::new,
                            Collectors.counting()));
            Map<String, Long> expected = new TreeMap<>();
            for (String l : OutputCsv.expected(EXAMPLE.resolve("expected/revision-" + rev + "/quarantine_counts.csv"))) {
                String[] kv = l.split(",");
                expected.put(kv[0], Long.parseLong(kv[1]));
            }
            assertThat(counts).isEqualTo(expected);
        }
    }

    @Test
    void quarantineKeepsTheRowAndAReasonButNoOtherOutputHoldsAUserId() throws Exception {
        List<String> q = OutputCsv.read(output, Tables.QUARANTINE, "2026-10", 1);
        assertThat(q).allSatisfy(l -> assertThat(l).matches("(plays|ai_usage),\\{.*\\},.+"));
        assertThat(q).anySatisfy(l -> assertThat(l).contains("\"user_id\""));
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.ADJUSTMENTS)) {
            assertThat(t.columns()).noneMatch(c -> c.name().equals("user_id"));
        }
    }

    @Test
    void theBackfillNeverTouchesRevisionOne() throws Exception {
        Map<Path, byte[]> now = snapshot(output);
        revisionOneFiles.forEach((file, bytes) -> assertThat(now.get(file)).as(file.toString()).isEqualTo(bytes));
    }

    @Test
    void manifestIsWrittenAndPoolsReconcile() throws Exception {
        assertThat(output.resolve("_runs/period=2026-10/revision=1/manifest.json")).exists();
        assertThat(output.resolve("_runs/period=2026-10/revision=2/manifest.json")).exists();
        assertThat(output.resolve("_staging")).doesNotExist();
        for (var p : backfill.manifest().get("pools")) {
            assertThat(new java.math.BigDecimal(p.get("pool_amount").asText())).isEqualByComparingTo(
                    new java.math.BigDecimal(p.get("allocated_amount").asText())
                            .add(new java.math.BigDecimal(p.get("held_amount").asText())));
        }
    }

    @Test
    void sameInputsAsOfAndPolicyGiveTheSameAmountsWhateverTheParallelism(@TempDir Path other) throws Exception {
        run(other, "2026-11-05T00:00:00Z", 1);
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS)) {
            assertThat(OutputCsv.read(other, t, "2026-10", 1)).isEqualTo(OutputCsv.read(output, t, "2026-10", 1));
        }
    }

    private static void assertMatches(int revision, String expectedDir, TableSchema... tables) throws Exception {
        for (TableSchema t : tables) {
            Path csv = EXAMPLE.resolve("expected/" + expectedDir + "/" + t.name() + ".csv");
            List<String> expected = OutputCsv.expected(csv);
            List<String> actual = OutputCsv.readAsIn(csv, output, t, "2026-10", revision);
            assertThat(actual).as(t.name() + " revision " + revision).containsExactlyElementsOf(expected);
        }
    }

    private static Map<Path, byte[]> snapshot(Path root) throws Exception {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                if (p.toString().contains("revision=1")) {
                    files.put(p, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
