package dev.royalties.jobs.sql;

import dev.royalties.io.Column;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.testing.InputFolder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worked example's output folder for the SQL and DuckDB tests: the monthly run itself, run
 * twice (revision 1 as-of 2026-11-05, the backfill revision 2 as-of 2026-12-20), plus a revision 3
 * without a manifest (a failed run) whose numbers are all wrong (seven times revision 2's), so
 * that a query that reads an incomplete revision gives itself away. Built once per test JVM.
 */
public final class ExampleOutputs {
    public static final String PERIOD = "2026-10";
    private static final DateTimeFormatter TS = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();

    private static Path shared;

    private ExampleOutputs() {}

    /** Revisions 1 and 2 by the monthly run, revision 3 incomplete; one folder per test JVM. */
    public static synchronized Path monthlyRuns() throws Exception {
        if (shared == null) {
            Path out = Files.createTempDirectory("royalties-sql-outputs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(out)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // best effort: a temp folder
                }
            }));
            for (String asOf : List.of("2026-11-05T00:00:00Z", "2026-12-20T00:00:00Z")) {
                dev.royalties.jobs.monthly.MonthlyRun.run(dev.royalties.jobs.monthly.MonthlyOptions.parse(
                        new String[] {"--period", PERIOD, "--input", ExpectedCsv.input().toString(), "--output",
                            out.toString(), "--as-of", asOf, "--user-monthly-cap", "15", "--parallelism", "2",
                            // pays pro-rata as the example expects; the comparison gives SQL a model_comparison
                            "--compare-models", "pro-rata,artist-centric,user-centric"}),
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            }
            writeRevision(out, 3, 2, true);
            shared = out;
        }
        return shared;
    }

    private static void writeRevision(Path out, int revision, int from, boolean corrupt) throws IOException {
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS,
                Tables.ADJUSTMENTS)) {
            if (!ExpectedCsv.exists(from, t.name())) {
                continue;
            }
            List<Object[]> rows = new ArrayList<>();
            for (Map<String, String> r : ExpectedCsv.rows(from, t.name())) {
                rows.add(values(t, r, corrupt));
            }
            write(out, t, revision, rows);
        }
        List<Object[]> quarantine = new ArrayList<>();
        for (Map<String, String> r : ExpectedCsv.rows(from, "quarantine_counts")) {
            for (int i = 0; i < Integer.parseInt(r.get("n")); i++) {
                quarantine.add(new Object[] {r.get("source_table"), "{\"row\":" + i + "}", "invalid (fixture)"});
            }
        }
        write(out, Tables.QUARANTINE, revision, quarantine);
    }

    private static void write(Path out, TableSchema t, int revision, List<Object[]> rows) throws IOException {
        new InputFolder(out).write(t, t.name() + "/period=" + PERIOD + "/revision=" + revision + "/part-0.parquet", rows);
    }

    private static Object[] values(TableSchema t, Map<String, String> r, boolean corrupt) {
        Object[] v = new Object[t.size()];
        for (int i = 0; i < t.size(); i++) {
            Column c = t.columns().get(i);
            String s = r.get(c.name());
            if (s == null) {
                continue;
            }
            v[i] = switch (c.type()) {
                case STRING -> s;
                case INT, BIGINT -> Long.parseLong(s) * (corrupt ? 7 : 1);
                case MONEY -> new BigDecimal(s).movePointRight(2).longValueExact() * (corrupt ? 7 : 1);
                case SHARE -> new BigDecimal(s).movePointRight(6).longValueExact();
                case TIMESTAMP -> micros(s);
                case BOOLEAN -> Boolean.parseBoolean(s);
            };
        }
        return v;
    }

    public static long micros(String timestamp) {
        LocalDateTime t = LocalDateTime.parse(timestamp, TS);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
    }
}
