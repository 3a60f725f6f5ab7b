package dev.royalties.jobs.monthly;

import dev.royalties.jobs.FileTrees;
import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.generate.MonthGenerator;
import dev.royalties.rules.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * `royalties demo`: the quick start. Generates a month (once), runs it as finance would five days
 * after month end, then runs the backfill a finance team runs after late fraud findings, appeals
 * and late-recorded consent, and prints both summaries.
 */
public final class DemoCommand {
    private DemoCommand() {}

    public static int run(String[] argv) throws Exception {
        Args a = Args.parse("demo", argv, Set.of("plays", "seed", "output", "parallelism"), Set.of());
        long plays = a.longValue("plays", 1_000_000);
        long seed = a.longValue("seed", 7);
        Path root = Path.of(a.string("output", "demo")).toAbsolutePath();
        Period period = Period.parse(MonthGenerator.DEFAULT_PERIOD);
        Path input = root.resolve("input-" + plays + "-" + seed);
        Path output = root.resolve("output");
        if (!Files.exists(input.resolve(BenchCommand.COMPLETE))) {
            if (Files.exists(input)) {
                FileTrees.delete(input); // an interrupted generation
            }
            System.out.printf("generating %,d plays into %s ...%n", plays, input);
            System.out.println(MonthGenerator.generate(input, plays, seed, period).oneLine());
            Files.createFile(input.resolve(BenchCommand.COMPLETE));
        }
        if (Files.exists(output.resolve("_runs"))) {
            FileTrees.delete(output);
        }
        int parallelism = a.intValue("parallelism", Runtime.getRuntime().availableProcessors());
        for (String asOf : new String[] {"2026-11-05T00:00:00Z", "2026-12-20T00:00:00Z"}) {
            System.out.println();
            MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", period.toString(), "--input",
                input.toString(), "--output", output.toString(), "--as-of", asOf, "--user-monthly-cap", "1000",
                "--parallelism", "" + parallelism, "--compare-models", "pro-rata,artist-centric,user-centric"}),
                System.out);
        }
        System.out.println();
        System.out.println("outputs in " + output + "; revision 2 is the backfill, its adjustments say what changed;"
                + " model_comparison has what artist-centric and user-centric would pay (sql/queries/model_comparison.sql)");
        writeReadables(period, output, root);
        return 0;
    }

    /** The run report and the statement of the top-paid artist of revision 2, beside the outputs. */
    private static void writeReadables(Period period, Path output, Path root) throws Exception {
        var payments = dev.royalties.io.TableFiles.readAll(new org.apache.flink.core.fs.Path(output.resolve(
                "artist_payments/period=" + period + "/revision=2").toUri()), dev.royalties.io.Tables.ARTIST_PAYMENTS,
                dev.royalties.io.Tables.PAYMENT);
        java.util.Map<String, Long> total = new java.util.TreeMap<>();
        payments.forEach(p -> total.merge(p.artistId(), p.amountCents(), Long::sum));
        String top = total.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(e -> e.getKey())
                .orElse(null);
        String[] common = {"--output", output.toString(), "--period", period.toString()};
        dev.royalties.jobs.report.ReportCommand.run(concat(common, "--to", root.resolve("report.html").toString()));
        if (top != null) {
            dev.royalties.jobs.report.StatementCommand.run(concat(common, "--artist", top, "--to",
                    root.resolve("statement-" + top + ".pdf").toString()));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
