package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.sql.SqlCommand;
import dev.royalties.testing.Flink;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §2: a monthly run killed (SIGKILL and SIGTERM, in a real child JVM) before the job, while
 * plays are read, while outputs are promoted and between promotion and the manifest never leaves a
 * complete-looking revision: no manifest, so neither `royalties sql` nor DuckDB sees it; its lock is
 * taken over and its staging folder removed by the next run, which writes the same revision with
 * the amounts of an uncrashed run (the worked example's expected backfill, to the cent).
 */
class MonthlyCrashTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final Path EXAMPLE = Path.of("src/test/resources/examples/small").toAbsolutePath();
    static final Path QUERIES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
            .resolve("sql/queries");

    @TempDir
    Path out;

    private record Crash(String point, boolean sigkill) {}

    private String[] args(String asOf) {
        return new String[] {"--period", "2026-10", "--input", EXAMPLE.resolve("input").toString(), "--output",
            out.toString(), "--as-of", asOf, "--user-monthly-cap", "15", "--parallelism", "2"};
    }

    @Test
    void killedRunsLeaveNoCompleteLookingRevisionAndTheNextRunWritesTheSameRevisionWithTheSameAmounts()
            throws Exception {
        MonthlyRun.run(MonthlyOptions.parse(args("2026-11-05T00:00:00Z")), quiet());
        List<String> revisionOnePayments = OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1);

        List<Crash> crashes = List.of(new Crash("before-job", true), new Crash("reading-plays", false),
                new Crash("promoting", true), new Crash("before-manifest", false),
                new Crash("reading-plays", true), new Crash("before-manifest", true));
        for (Crash c : crashes) {
            String what = c.point() + (c.sigkill() ? " SIGKILL" : " SIGTERM");
            try (MonthlyChild child = MonthlyChild.start(c.point(), args("2026-12-20T00:00:00Z")).awaitCrashPoint()) {
                int exit = c.sigkill() ? child.kill() : child.terminate();
                assertThat(exit).as(what).isNotZero();
            }
            assertThat(manifests()).as(what).containsExactly("revision=1");
            assertThat(duckDbCompleteRevisionTotals()).as(what).containsExactly("1 EUR", "1 USD");
            // The killed run's own staging folder, and never more: the previous ones were cleaned up.
            assertThat(stagingFolders()).as(what).hasSize(1);
            assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1)).as(what)
                    .isEqualTo(revisionOnePayments);
        }
        // The last crash left every table of revision 2 promoted, only the manifest missing.
        assertThat(out.resolve("artist_payments/period=2026-10/revision=2")).isDirectory();
        String check = sql("reconciliation_check.sql");
        assertThat(check.lines().skip(1).map(l -> l.split(",")[1]).distinct()).containsExactly("1");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result next = MonthlyRun.run(MonthlyOptions.parse(args("2026-12-20T00:00:00Z")),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(next.revision()).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("took over the run lock",
                "removed 1 staging folder(s) left by killed runs");
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.ADJUSTMENTS)) {
            Path csv = EXAMPLE.resolve("expected/revision-2/" + t.name() + ".csv");
            assertThat(OutputCsv.readAsIn(csv, out, t, "2026-10", 2)).as(t.name())
                    .containsExactlyElementsOf(OutputCsv.expected(csv));
        }
        assertThat(manifests()).containsExactly("revision=1", "revision=2");
        assertThat(duckDbCompleteRevisionTotals()).containsExactly("1 EUR", "1 USD", "2 EUR", "2 USD");
        assertThat(out.resolve("_staging")).doesNotExist();
        assertThat(sql("reconciliation_check.sql").lines().skip(1).map(l -> l.split(",")[1]).distinct())
                .containsExactly("1", "2");
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    private List<String> manifests() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> runs = Files.list(out.resolve("_runs/period=2026-10"))) {
            for (Path p : runs.sorted().toList()) {
                if (Files.exists(p.resolve("manifest.json"))) {
                    found.add(p.getFileName().toString());
                }
            }
        }
        return found;
    }

    private List<Path> stagingFolders() throws Exception {
        Path dir = out.resolve("_staging/period=2026-10");
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** What a DuckDB reader that follows docs/sql.md (join with the manifests) sees: revision and currency. */
    private List<String> duckDbCompleteRevisionTotals() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
             ResultSet r = s.executeQuery("WITH complete AS (SELECT DISTINCT CAST(regexp_extract(file, "
                     + "'revision=([0-9]+)', 1) AS INTEGER) AS revision FROM glob('" + out
                     + "/_runs/period=*/revision=*/manifest.json')) SELECT p.revision, p.currency, SUM(p.amount) "
                     + "FROM read_parquet('" + out + "/artist_payments/*/*/*.parquet', hive_partitioning = true, "
                     + "hive_types = {'period': VARCHAR, 'revision': INTEGER}) p JOIN complete USING (revision) "
                     + "GROUP BY ALL ORDER BY ALL")) {
            while (r.next()) {
                rows.add(r.getInt(1) + " " + r.getString(2));
            }
        }
        return rows;
    }

    private String sql(String query) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        assertThat(SqlCommand.run(new String[] {QUERIES.resolve(query).toString(), "--output", out.toString(),
            "--csv"}, new PrintStream(o, true, StandardCharsets.UTF_8))).isZero();
        return o.toString(StandardCharsets.UTF_8);
    }
}
