package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.royalties.jobs.bench.BenchVariant;
import dev.royalties.jobs.bench.ChildJvm;
import dev.royalties.jobs.bench.ContractCoreSql;
import dev.royalties.jobs.bench.DuckDbFloor;
import dev.royalties.jobs.bench.ResidentMemory;
import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.generate.MonthGenerator;
import dev.royalties.rules.Period;
import dev.royalties.rules.Policy;
import dev.royalties.jobs.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * `royalties bench`: times the monthly run on a generated month (generated once, kept in --work)
 * beside DuckDB on the same files in the same session, and prints each variant's time as a ratio
 * of DuckDB's. By default every variant runs as a user runs it, `java -jar royalties.jar monthly`
 * in a new JVM (start-up included), and its peak resident memory is that of the JVMs it started;
 * a small month runs first, untimed, as a user's earlier months would have (it writes the class
 * archive that later runs start from). With {@code --jvm same} the variants run in this JVM after
 * that warm-up month, which isolates the job from start-up and JIT. Figures compare within one run
 * only (see docs/performance.md).
 */
public final class BenchCommand {
    static final String COMPLETE = ".complete";
    private static final String AS_OF = "2026-11-05T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchCommand() {}

    /** A timed variant: seconds, plays read, peak resident bytes and its plays by status. */
    private record Measured(double seconds, long plays, long peakResident, Map<String, Long> byStatus) {}

    public static int run(String[] argv) throws Exception {
        Args a = Args.parse("bench", argv, Set.of("plays", "seed", "work", "input", "parallelism",
                "user-monthly-cap", "variant", "jvm", "java-options", "duckdb", "duckdb-memory", "warmup-plays",
                "as-of"), Set.of("duckdb-only"));
        Path work = Path.of(a.string("work", System.getProperty("java.io.tmpdir") + "/royalties-bench"))
                .toAbsolutePath();
        String asOf = a.string("as-of", AS_OF);
        boolean child = switch (a.string("jvm", "child")) {
            case "child" -> true;
            case "same" -> false;
            default -> throw new UsageException("bench: --jvm is 'child' (a new JVM per variant) or 'same'");
        };
        List<BenchVariant> variants = variants(a);
        if (!child && variants.stream().anyMatch(v -> !v.jvmOptions().isEmpty())) {
            throw new UsageException("bench: JVM options in a variant need --jvm child");
        }
        List<String> javaOptions = a.has("java-options")
                ? List.of(a.string("java-options", "").trim().split("\\s+")) : List.of();
        Path data = a.has("input") ? Path.of(a.string("input", null)).toAbsolutePath()
                : month(work, a.longValue("plays", 20_000_000), a.longValue("seed", 7));
        if (!Files.isDirectory(data.resolve("plays"))) {
            throw new UsageException("bench: " + data + " has no plays folder");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("bench: %s (%,d MB of plays), %d cores, %s; load average %.1f%n", data,
                bytes(data.resolve("plays")) >> 20, cores, child ? "each variant in a new JVM"
                        + (javaOptions.isEmpty() ? "" : " with " + String.join(" ", javaOptions))
                        : "variants in this JVM (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Period period = Period.parse(MonthGenerator.DEFAULT_PERIOD);
        Map<String, Floor> floors = a.string("duckdb", "scan,core").equals("none") ? Map.of()
                : duckDb("DuckDB floor", true, a.string("duckdb", "scan,core"), a.string("duckdb-memory", null),
                        data, work, cores, period, asOf, variants);

        if (a.flag("duckdb-only")) {
            // DuckDB's figures for the variants' policies, alone: a month so large that DuckDB needs the
            // whole machine is measured in one bench run, the variants in another.
            return 0;
        }
        Path warmup = month(work, a.longValue("warmup-plays", 500_000), a.longValue("seed", 7) + 1);
        BenchVariant small = BenchVariant.grid("" + cores, "1000").get(0);
        if (!child) {
            runHere(warmup, work.resolve("out-warmup"), small, asOf);
        } else {
            // Untimed, as a user's earlier months: the first run of a build writes the JVM's class
            // archive that later runs start from (ClassArchive), and pays a few seconds for it.
            runChild(warmup, work.resolve("out-warmup"), small, javaOptions, asOf, work);
        }
        System.out.printf("%-28s %9s %11s %13s %13s %10s %10s%n", "variant", "seconds", "plays/s", "plays/s/core",
                "peak RSS MB", "x scan", "x SQL core");
        Floor scan = floors.get("scan");
        Map<BenchVariant, Measured> results = new LinkedHashMap<>();
        for (BenchVariant v : variants) {
            Path out = work.resolve("out-" + v.name());
            Measured m = child ? runChild(data, out, v, javaOptions, asOf, work) : runHere(data, out, v, asOf);
            results.put(v, m);
            Floor core = floors.get(coreKey(v));
            System.out.printf("%-28s %9.1f %,11.0f %,13.0f %,13d %10s %10s%n", v.name(), m.seconds(),
                    m.plays() / m.seconds(), m.plays() / m.seconds() / v.parallelism(), m.peakResident() >> 20,
                    ratio(m.seconds(), scan), ratio(m.seconds(), core));
            if (core != null && !core.byStatus().equals(m.byStatus())) {
                System.out.printf("  %s: plays by status differ from the SQL core: %s vs %s%n", v.name(),
                        m.byStatus(), core.byStatus());
            }
        }
        if (floors.keySet().stream().anyMatch(k -> k.startsWith("SQL core"))) {
            againstCoreTwice(floors, duckDb("DuckDB, after the variants", false, "core", a.string("duckdb-memory",
                    null), data, work, cores, period, asOf, variants), results);
        }
        for (BenchVariant v : variants) {
            System.out.println("  " + v);
        }
        return 0;
    }

    /**
     * Each variant against the mean of DuckDB's SQL core before and after the variants: over a
     * bench of several minutes this shared machine's speed drifts by a third (docs/performance.md),
     * and a ratio against one DuckDB run taken at the start carries all of that drift.
     */
    private static void againstCoreTwice(Map<String, Floor> before, Map<String, Floor> after,
                                         Map<BenchVariant, Measured> results) {
        for (Map.Entry<BenchVariant, Measured> r : results.entrySet()) {
            Floor first = before.get(coreKey(r.getKey()));
            Floor second = after.get(coreKey(r.getKey()));
            if (first != null && second != null) {
                double mean = (first.seconds() + second.seconds()) / 2;
                System.out.printf("%-28s x SQL core %.2f against the mean of DuckDB's two runs (%.1f s, %.1f s)%n",
                        r.getKey().name(), r.getValue().seconds() / mean, first.seconds(), second.seconds());
            }
        }
    }

    private static List<BenchVariant> variants(Args a) {
        List<BenchVariant> variants = new ArrayList<>();
        boolean grid = a.has("parallelism") || a.has("user-monthly-cap") || !a.has("variant");
        if (grid) {
            variants.addAll(BenchVariant.grid(a.string("parallelism", "1,2"), a.string("user-monthly-cap", "0,1000")));
        }
        for (String spec : a.all("variant")) {
            variants.add(BenchVariant.parse(spec));
        }
        if (variants.stream().map(BenchVariant::name).distinct().count() < variants.size()) {
            throw new UsageException("bench: two variants share a name");
        }
        return variants;
    }

    /** A DuckDB figure: seconds, peak resident bytes of this JVM during the query, plays by status. */
    private record Floor(String label, double seconds, long peakResident, Map<String, Long> byStatus) {}

    /** @param warmUp an untimed scan first (before the variants; after them the files are cached) */
    private static Map<String, Floor> duckDb(String title, boolean warmUp, String which, String memoryLimit,
                                             Path data, Path work, int cores, Period period, String asOf,
                                             List<BenchVariant> variants)
            throws Exception {
        Map<String, Floor> floors = new LinkedHashMap<>();
        try (DuckDbFloor duck = DuckDbFloor.open(cores, work.resolve("duckdb-spill"), memoryLimit)) {
            if (duck == null) {
                System.out.println("DuckDB: not found (neither on the class path nor in bench-lib/ beside the"
                        + " jar): no floor");
                return floors;
            }
            if (warmUp) {
                duck.scanAndGroup(data); // untimed: the files reach the page cache as they will for every variant
            }
            boolean resets = ResidentMemory.resetPeak();
            System.out.printf("%-28s %9s %13s  (%s; peak RSS of this JVM%s)%n", title, "seconds",
                    "peak RSS MB", duck.describe() + (memoryLimit == null ? "" : ", memory limit " + memoryLimit),
                    resets ? ", reset before each query" : " since it started");
            if (which.contains("scan")) {
                ResidentMemory.resetPeak();
                DuckDbFloor.Timed t = duck.scanAndGroup(data);
                floors.put("scan", floor("scan+group", t, Map.of()));
            }
            if (which.contains("core")) {
                for (BenchVariant v : variants) {
                    String key = coreKey(v);
                    if (!floors.containsKey(key)) {
                        ResidentMemory.resetPeak();
                        DuckDbFloor.Timed t = duck.contractCore(new ContractCoreSql(data, period.startMicros(),
                                period.endMicros(), MonthlyOptions.parseInstant(asOf), minPlayMs(v), cap(v)));
                        floors.put(key, floor(key, t, t.counts()));
                    }
                }
            }
        }
        for (Floor f : floors.values()) {
            System.out.printf("%-28s %9.1f %,13d%n", f.label(), f.seconds(), f.peakResident() >> 20);
        }
        return floors;
    }

    private static Floor floor(String label, DuckDbFloor.Timed t, Map<String, Long> byStatus) {
        return new Floor(label, t.nanos() / 1e9, ResidentMemory.peakOfThisProcess(), new TreeMap<>(byStatus));
    }

    private static String coreKey(BenchVariant v) {
        return "SQL core, cap " + cap(v) + (minPlayMs(v) == Policy.DEFAULT.minPlayMs() ? "" : ", min " + minPlayMs(v));
    }

    private static long cap(BenchVariant v) {
        String c = v.option("--user-monthly-cap");
        return c == null ? Policy.DEFAULT.userMonthlyCap() : Long.parseLong(c);
    }

    private static long minPlayMs(BenchVariant v) {
        String m = v.option("--min-play-ms");
        return m == null ? Policy.DEFAULT.minPlayMs() : Long.parseLong(m);
    }

    private static String ratio(double seconds, Floor floor) {
        return floor == null ? "-" : String.format("%.2f", seconds / floor.seconds());
    }

    private static List<String> monthlyArgs(Path input, Path output, BenchVariant v, String asOf) {
        List<String> args = new ArrayList<>(List.of("--period", MonthGenerator.DEFAULT_PERIOD, "--input",
                input.toString(), "--output", output.toString(), "--as-of", asOf));
        args.addAll(v.monthlyOptions());
        return args;
    }

    private static Measured runHere(Path input, Path output, BenchVariant v, String asOf) throws Exception {
        clean(output);
        MonthlyOptions o = MonthlyOptions.parse(monthlyArgs(input, output, v, asOf).toArray(new String[0]));
        System.gc();
        ResidentMemory.resetPeak();
        long t0 = System.nanoTime();
        MonthlyRun.Result r = MonthlyRun.run(o, new PrintStream(new ByteArrayOutputStream()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return measured(seconds, r.manifest(), ResidentMemory.peakOfThisProcess());
    }

    private static Measured runChild(Path input, Path output, BenchVariant v, List<String> javaOptions, String asOf,
                                     Path work) throws Exception {
        clean(output);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions);
        cmd.addAll(v.jvmOptions());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.add("monthly");
        cmd.addAll(monthlyArgs(input, output, v, asOf));
        Path log = work.resolve("out-" + v.name() + ".log");
        ChildJvm.Outcome o = ChildJvm.run(cmd, log);
        if (o.exitCode() != 0) {
            throw new IllegalStateException("variant " + v.name() + " exited with " + o.exitCode() + ", see " + log);
        }
        Path manifest = output.resolve("_runs/period=" + MonthGenerator.DEFAULT_PERIOD + "/revision=1/manifest.json");
        return measured(o.nanos() / 1e9, JSON.readTree(manifest.toFile()), o.peakTree());
    }

    private static Measured measured(double seconds, JsonNode manifest, long peak) {
        Map<String, Long> byStatus = new TreeMap<>();
        manifest.get("plays_by_status").fields().forEachRemaining(e -> byStatus.put(e.getKey(), e.getValue().asLong()));
        byStatus.values().removeIf(n -> n == 0);
        return new Measured(seconds, manifest.get("input_counts").get("plays.read").asLong(), peak, byStatus);
    }

    /** The jar a user runs: the one this class came from. */
    private static Path jar() throws Exception {
        Path here = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!here.toString().endsWith(".jar")) {
            throw new UsageException("bench: --jvm child runs royalties.jar, but this runs from " + here
                    + "; build the jar (mvn package) or use --jvm same");
        }
        return here;
    }

    private static void clean(Path output) throws Exception {
        if (Files.exists(output)) {
            FileTrees.delete(output);
        }
    }

    private static long bytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static Path month(Path work, long plays, long seed) throws Exception {
        Path dir = work.resolve("input-" + plays + "-" + seed);
        if (!Files.exists(dir.resolve(COMPLETE))) {
            if (Files.exists(dir)) {
                FileTrees.delete(dir); // an interrupted generation
            }
            System.out.printf("generating %,d plays into %s ...%n", plays, dir);
            long t0 = System.nanoTime();
            MonthGenerator.generate(dir, plays, seed, Period.parse(MonthGenerator.DEFAULT_PERIOD));
            Files.createFile(dir.resolve(COMPLETE));
            System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return dir;
    }
}
