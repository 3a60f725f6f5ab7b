package dev.royalties.jobs.monthly;

import static dev.royalties.testing.InputFolder.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Spec §3: bad event rows are quarantined with a reason; bad reference data and options stop the run. */
class BadInputTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int royalties(String... args) {
        return Royalties.execute(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private int month(Path input, Path output) {
        return royalties("monthly", "--period", "2026-10", "--input", input.toString(), "--output", output.toString(),
                "--as-of", "2026-11-05T00:00:00Z", "--parallelism", "2");
    }

    @Test
    void everyKindOfInvalidPlayAndUsageIsQuarantinedWithItsReason() throws Exception {
        long t = at("2026-10-10T12:00:00Z");
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"))
                .write(Tables.PLAYS, List.of(
                        new Object[] {"P-ok", "U1", "T1", t, 200_000, "FR", "premium"},
                        new Object[] {null, "U1", "T1", t, 200_000, "FR", "premium"},
                        new Object[] {"P2", "", "T1", t, 200_000, "FR", "premium"},
                        new Object[] {"P3", "U1", null, t, 200_000, "FR", "premium"},
                        new Object[] {"P4", "U1", "T1", null, 200_000, "FR", "premium"},
                        new Object[] {"P5", "U1", "T1", t, null, "FR", "premium"},
                        new Object[] {"P6", "U1", "T1", t, -1, "FR", "premium"},
                        new Object[] {"P7", "U1", "T1", t, 200_000, "fr", "premium"},
                        new Object[] {"P8", "U1", "T1", t, 200_000, "FRA", "premium"},
                        new Object[] {"P9", "U1", "T1", t, 200_000, "FR", "platinum"},
                        // invalid, but of another period: not this run's to report
                        new Object[] {"P10", "U1", "T1", at("2026-11-02T00:00:00Z"), -5, "FR", "premium"}))
                .write(Tables.AI_USAGE, List.of(
                        new Object[] {"G1", "", "M1", "T1", "training", t, 10L},
                        new Object[] {"G2", "L1", null, "T1", "training", t, 10L},
                        new Object[] {"G3", "L1", "M1", "T1", "painting", t, 10L},
                        new Object[] {"G4", "L1", "M1", "T1", "training", t, 0L},
                        new Object[] {"G5", "L1", "M1", "T1", "training", null, 10L},
                        new Object[] {"G6", "L1", "M1", "T1", "training", t, null}));
        Path out = tmp.resolve("out");
        assertThat(month(in.root(), out)).as(error()).isZero();

        List<String> q = OutputCsv.read(out, Tables.QUARANTINE, "2026-10", 1);
        assertThat(q).hasSize(15);
        assertThat(String.join("\n", q)).contains(
                "play_id is null or empty", "user_id is null or empty", "track_id is null or empty",
                "played_at is null", "ms_played is null", "ms_played is negative (-1)",
                "country 'fr' is not two upper-case letters A-Z", "country 'FRA' is not two upper-case letters A-Z",
                "product 'platinum' is not one of premium, family, student, free",
                "licensee_id is null or empty", "model_id is null or empty", "scope 'painting' is not training or"
                        + " generation", "units is not positive (0)", "used_at is null", "units is null");
        assertThat(q).noneMatch(l -> l.contains("P10"));
        assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1))
                .containsExactly("A1,catalogue,FR,premium,,1,60.00,EUR", "A2,catalogue,FR,premium,,1,40.00,EUR");
    }

    @Test
    void sharesNotSummingToOneStopTheRunNamingTheTrackAndWriteNothing() throws Exception {
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"))
                .write(Tables.TRACKS, List.<Object[]>of(new Object[] {"T3", "ISRC3", 1000, "none"}))
                .write(Tables.TRACK_RIGHTS, List.of(new Object[] {"T3", "A1", 333_333L},
                        new Object[] {"T3", "A2", 333_333L}, new Object[] {"T3", "A4", 333_333L}))
                .write(Tables.PLAYS, List.<Object[]>of(new Object[] {"P1", "U1", "T1", at("2026-10-10T00:00:00Z"),
                    200_000, "FR", "premium"}));
        assertFailsWritingNothing(in, "shares of track T3 sum to 0.999999, not 1.000000");
    }

    @Test
    void duplicatePoolNegativeAmountAndUnknownValuesAreAllNamed() throws Exception {
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"))
                .write(Tables.REVENUE_POOLS, List.of(new Object[] {"2026-10", "FR", "premium", 5L, "EUR"},
                        new Object[] {"2026-10", "DE", "free", -100L, "EUR"},
                        new Object[] {"2026-10", "DE", "gold", 100L, "EUR"}))
                .write(Tables.FRAUD_VERDICTS, List.<Object[]>of(new Object[] {"V1", "device", "X", null, null,
                    "fraud", at("2026-10-01T00:00:00Z")}))
                .write(Tables.PLAYS, List.<Object[]>of(new Object[] {"P1", "U1", "T1", at("2026-10-10T00:00:00Z"),
                    200_000, "FR", "premium"}));
        assertFailsWritingNothing(in, "duplicate key (2026-10, FR, premium)",
                "pool (2026-10, DE, free) has a negative amount -1.00", "has product 'gold'",
                "verdict V1 has subject_type 'device'");
    }

    private void assertFailsWritingNothing(InputFolder in, String... named) throws Exception {
        Path out = tmp.resolve("out");
        assertThat(month(in.root(), out)).isEqualTo(1);
        assertThat(error()).doesNotContain("\n").startsWith("royalties: reference data is inconsistent").contains(named);
        assertThat(out.resolve("_runs")).doesNotExist();
        assertThat(out.resolve("artist_payments")).doesNotExist();
    }

    @Test
    void badOptionsAndMissingTablesExitNonZeroWithOneLine() throws Exception {
        Path in = InputFolder.minimalMonth(tmp.resolve("in")).root();
        assertThat(royalties("monthly", "--period", "2026-13", "--input", in.toString(), "--output", "x")).isEqualTo(2);
        assertThat(error()).isEqualTo("royalties: monthly: --period must be YYYY-MM, got '2026-13'");
        err.reset();
        assertThat(royalties("monthly", "--period", "2026-10", "--input", in.toString(), "--output", "x",
                "--colour", "red")).isEqualTo(2);
        assertThat(error()).startsWith("royalties: monthly: unknown option --colour").doesNotContain("\n");
        err.reset();
        assertThat(royalties("monthly", "--period", "2026-10", "--input", in.toString(), "--output", "x",
                "--as-of", "yesterday")).isEqualTo(2);
        assertThat(error()).contains("--as-of must be an ISO-8601 instant");
        err.reset();
        assertThat(royalties("monthly", "--period", "2026-10", "--output", "x")).isEqualTo(2);
        assertThat(error()).isEqualTo("royalties: monthly: missing required option --input");
        err.reset();
        assertThat(month(in, tmp.resolve("out"))).isEqualTo(2);
        assertThat(error()).startsWith("royalties: monthly: required input table 'plays' is missing");
    }

    @Test
    void anUnreachableRightsDatabaseIsOneLineThatNamesItAndNothingIsWritten() throws Exception {
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"))
                .write(Tables.PLAYS, List.<Object[]>of(new Object[] {"P1", "U1", "T1", at("2026-10-10T00:00:00Z"),
                    200_000, "FR", "premium"}));
        Path out = tmp.resolve("out");
        // port 1: nothing listens there; the query string (a password, say) stays out of the message
        int code = royalties("monthly", "--period", "2026-10", "--input", in.root().toString(), "--output",
                out.toString(), "--consent-jdbc-url", "jdbc:postgresql://localhost:1/rights?password=secret");
        assertThat(code).as(error()).isEqualTo(1);
        assertThat(error()).isEqualTo("royalties: monthly: could not read consent table ai_consent from "
                + "jdbc:postgresql://localhost:1/rights: Connection refused");
        assertThat(out.resolve("_runs")).doesNotExist();
    }

    @Test
    void aFailedRunLeavesNothingVisibleAndItsRevisionIsReused() throws Exception {
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"))
                .write(Tables.PLAYS, List.<Object[]>of(new Object[] {"P1", "U1", "T1", at("2026-10-10T00:00:00Z"),
                    200_000, "FR", "premium"}));
        Path broken = in.root().resolve("plays/dt=2026-10-11/broken.parquet");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "this is not parquet");
        Path out = tmp.resolve("out");

        assertThat(month(in.root(), out)).isEqualTo(1);
        assertThat(error()).contains("broken.parquet is not a readable Parquet file");
        assertThat(out.resolve("_runs")).doesNotExist();
        // The driver's footer check now fails before the output folder is even created.
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }

        Files.delete(broken);
        err.reset();
        assertThat(month(in.root(), out)).as(error()).isZero();
        assertThat(out.resolve("_runs/period=2026-10/revision=1/manifest.json")).exists();
        assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1)).hasSize(2);
    }
}
