package dev.royalties.jobs.monthly;

import static dev.royalties.testing.InputFolder.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.royalties.io.Tables;
import dev.royalties.jobs.sql.SqlResult;
import dev.royalties.jobs.sql.SqlRunner;
import dev.royalties.jobs.sql.SqlScript;
import java.util.Map;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked examples of docs/models.md, run end to end: one FR premium pool of 100.00 EUR,
 * four users, tracks T1 (A1), T2 (A1 and A2, half each), T3 (A3) and an unknown track TX.
 * Every figure asserted here is derived by hand in the doc.
 */
class PaymentModelsExampleTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    @TempDir
    static Path tmp;
    static Path input;

    @BeforeAll
    static void writeTheMonth() throws Exception {
        List<Object[]> plays = new ArrayList<>();
        play(plays, "P01", "U1", "T1", "2026-10-01", "search");
        play(plays, "P02", "U1", "T1", "2026-10-02", "search");
        play(plays, "P03", "U1", "T1", "2026-10-03", "search");
        play(plays, "P04", "U1", "T2", "2026-10-04", "algorithmic");
        play(plays, "P05", "U2", "T2", "2026-10-05", "library");
        play(plays, "P06", "U2", "T2", "2026-10-06", "library");
        play(plays, "P07", "U2", "T3", "2026-10-07", null);
        play(plays, "P08", "U2", "TX", "2026-10-08", "search");
        for (int i = 0; i < 4; i++) {
            play(plays, "P1" + i, "U3", "T3", "2026-10-1" + i, "radio");
        }
        play(plays, "P20", "U4", "TX", "2026-10-20", null);
        play(plays, "P21", "U4", "TX", "2026-10-21", null);
        // September: what the threshold's history reads.
        for (int i = 0; i < 20; i++) {
            play(plays, String.format("S%02d", i), "U5", "T1", "2026-09-10", null);
        }
        for (int i = 20; i < 23; i++) {
            play(plays, "S" + i, "U6", "T3", "2026-09-11", null);
        }
        input = new InputFolder(tmp.resolve("in"))
                .write(Tables.TRACKS, List.of(new Object[] {"T1", "ISRC1", 200_000, "none"},
                        new Object[] {"T2", "ISRC2", 200_000, "none"}, new Object[] {"T3", "ISRC3", 200_000, "none"}))
                .write(Tables.TRACK_RIGHTS, List.of(new Object[] {"T1", "A1", 1_000_000L},
                        new Object[] {"T2", "A1", 500_000L}, new Object[] {"T2", "A2", 500_000L},
                        new Object[] {"T3", "A3", 1_000_000L}))
                .write(Tables.REVENUE_POOLS, List.of(new Object[] {"2026-10", "FR", "premium", 10_000L, "EUR"},
                        new Object[] {"2026-09", "FR", "premium", 5_000L, "EUR"}))
                .write(Tables.PLAYS, plays)
                .root();
    }

    private static void play(List<Object[]> into, String id, String user, String track, String day, String origin) {
        into.add(new Object[] {id, user, track, at(day + "T12:00:00Z"), 200_000, "FR", "premium", origin});
    }

    static MonthlyRun.Result run(Path out, String period, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--period", period, "--input", input.toString(), "--output",
                out.toString(), "--as-of", "2026-11-05T00:00:00Z", "--parallelism", "2"));
        args.addAll(List.of(options));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result r = MonthlyRun.run(MonthlyOptions.parse(args.toArray(String[]::new)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        summaries.add(log.toString(StandardCharsets.UTF_8));
        return r;
    }

    static final List<String> summaries = new ArrayList<>();

    private static List<String> payments(Path out) throws Exception {
        return OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1);
    }

    private static String held(Path out) throws Exception {
        String fr = OutputCsv.read(out, Tables.POOL_RECONCILIATION, "2026-10", 1).get(0);
        return fr.split(",")[7];
    }

    @Test
    void proRata() throws Exception {
        Path out = tmp.resolve("pro-rata");
        run(out, "2026-10");
        assertThat(payments(out)).containsExactly(
                "A1,catalogue,FR,premium,,6,32.14,EUR",
                "A2,catalogue,FR,premium,,3,10.72,EUR",
                "A3,catalogue,FR,premium,,5,35.71,EUR");
        assertThat(held(out)).isEqualTo("21.43");
    }

    @Test
    void artistCentric() throws Exception {
        Path out = tmp.resolve("artist-centric");
        run(out, "2026-10", "--model", "artist-centric", "--professional-streams", "4",
                "--professional-listeners", "2");
        assertThat(payments(out)).containsExactly(
                "A1,catalogue,FR,premium,,6,52.31,EUR",
                "A2,catalogue,FR,premium,,3,7.69,EUR",
                "A3,catalogue,FR,premium,,5,30.77,EUR");
        assertThat(held(out)).isEqualTo("9.23");
    }

    @Test
    void userCentric() throws Exception {
        Path out = tmp.resolve("user-centric");
        run(out, "2026-10", "--model", "user-centric");
        assertThat(payments(out)).containsExactly(
                "A1,catalogue,FR,premium,,6,37.51,EUR",
                "A2,catalogue,FR,premium,,3,12.50,EUR",
                "A3,catalogue,FR,premium,,5,41.66,EUR");
        assertThat(held(out)).isEqualTo("8.33");
    }

    @Test
    void thresholdReadsSeptembersHistoryAndListsTheMissingMonths() throws Exception {
        Path out = tmp.resolve("threshold");
        run(out, "2026-09");
        MonthlyRun.Result r = run(out, "2026-10", "--min-track-streams", "8", "--user-monthly-cap", "3");
        assertThat(payments(out)).containsExactly(
                "A1,catalogue,FR,premium,,3,30.00,EUR",
                "A3,catalogue,FR,premium,,4,40.00,EUR");
        String pool = OutputCsv.read(out, Tables.POOL_RECONCILIATION, "2026-10", 1).get(0);
        // eligible 7, unmatched 3, capped 1 (U3's fourth play; U1's T2 play is below the threshold,
        // so U1 stays within the cap), below_threshold 3 (T2)
        assertThat(pool).isEqualTo("catalogue,FR,premium,,EUR,100.00,70.00,30.00,7,3,0,0,0,1,0,3");
        JsonNode history = r.manifest().get("history");
        assertThat(history.get("revisions_read").toString()).isEqualTo("{\"2026-09\":1}");
        assertThat(history.get("missing").asText()).isEqualTo("2025-11 .. 2026-08");
        assertThat(summaries.get(summaries.size() - 1)).contains("history missing: 2025-11 .. 2026-08");
        assertThat(OutputCsv.read(out, Tables.TRACK_HISTORY, "2026-10", 1))
                .containsExactly("T1,3,1", "T2,3,2", "T3,5,2");
    }

    @Test
    void comparisonWritesEveryModelAndPaysWithTheChosenOne() throws Exception {
        Path out = tmp.resolve("compare");
        run(out, "2026-10", "--model", "user-centric", "--compare-models", "pro-rata,artist-centric,user-centric",
                "--professional-streams", "4", "--professional-listeners", "2");
        assertThat(payments(out)).extracting(l -> l.split(",")[6]).containsExactly("37.51", "12.50", "41.66");
        assertThat(OutputCsv.read(out, Tables.MODEL_COMPARISON, "2026-10", 1)).containsExactly(
                "A1,catalogue,FR,premium,,EUR,artist-centric,52.31",
                "A1,catalogue,FR,premium,,EUR,pro-rata,32.14",
                "A1,catalogue,FR,premium,,EUR,user-centric,37.51",
                "A2,catalogue,FR,premium,,EUR,artist-centric,7.69",
                "A2,catalogue,FR,premium,,EUR,pro-rata,10.72",
                "A2,catalogue,FR,premium,,EUR,user-centric,12.50",
                "A3,catalogue,FR,premium,,EUR,artist-centric,30.77",
                "A3,catalogue,FR,premium,,EUR,pro-rata,35.71",
                "A3,catalogue,FR,premium,,EUR,user-centric,41.66");
        assertThat(summaries.get(summaries.size() - 1)).contains("artist-centric").contains("moved > 10 %");

        try (SqlRunner sql = SqlRunner.open(out.toString(), input.toString())) {
            String file = "sql/queries/model_comparison.sql";
            SqlResult all = sql.execute(new SqlScript(file, SqlRunner.resource(file)),
                    Map.of("period", "2026-10")).get(0);
            assertThat(all.rows()).extracting(Object::toString).containsExactly(
                    "[(all), catalogue, EUR, artist-centric, 90.77, 91.67, -0.90]",
                    "[(all), catalogue, EUR, pro-rata, 78.57, 91.67, -13.10]",
                    "[(all), catalogue, EUR, user-centric, 91.67, 91.67, 0.00]");
            SqlResult a2 = sql.execute(new SqlScript(file, SqlRunner.resource(file)),
                    Map.of("period", "2026-10", "artist_id", "A2")).get(0);
            assertThat(a2.rows()).extracting(Object::toString).containsExactly(
                    "[A2, catalogue, EUR, artist-centric, 7.69, 12.50, -4.81]",
                    "[A2, catalogue, EUR, pro-rata, 10.72, 12.50, -1.78]",
                    "[A2, catalogue, EUR, user-centric, 12.50, 12.50, 0.00]");
        }
    }
}
