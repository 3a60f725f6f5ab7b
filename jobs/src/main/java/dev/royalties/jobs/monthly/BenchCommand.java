package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.generate.MonthGenerator;
import dev.royalties.rules.Period;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * `royalties bench`: times the monthly run on a generated month. The month is generated once and
 * kept in --work. A small warm-up month runs first so that no variant pays for the JIT, then every
 * variant runs in this same JVM, so their figures compare (never compare across runs).
 */
public final class BenchCommand {
    static final String COMPLETE = ".complete";

    private BenchCommand() {}

    record Variant(int parallelism, long cap) {
        String name() {
            return "parallelism " + parallelism + (cap > 0 ? ", user cap " + cap : ", no cap");
        }
    }

    public static int run(String[] argv) throws Exception {
        Args a = Args.parse("bench", argv, Set.of("plays", "seed", "work", "parallelism", "user-monthly-cap",
                "warmup-plays"), Set.of());
        long plays = a.longValue("plays", 20_000_000);
        long seed = a.longValue("seed", 7);
        Path work = Path.of(a.string("work", System.getProperty("java.io.tmpdir") + "/royalties-bench"));
        Period period = Period.parse(MonthGenerator.DEFAULT_PERIOD);
        List<Variant> variants = new ArrayList<>();
        for (String p : a.string("parallelism", "1,2").split(",")) {
            for (String c : a.string("user-monthly-cap", "0,1000").split(",")) {
                try {
                    variants.add(new Variant(Integer.parseInt(p.trim()), Long.parseLong(c.trim())));
                } catch (NumberFormatException e) {
                    throw new UsageException("bench: --parallelism and --user-monthly-cap take comma-separated numbers");
                }
            }
        }
        Path data = month(work, plays, seed, period);
        Path warmup = month(work, a.longValue("warmup-plays", 500_000), seed + 1, period);

        System.out.printf("bench: %,d plays (%s), %d cores, max heap %,d MB%n", plays, data,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        time(warmup, work.resolve("out-warmup"), new Variant(Runtime.getRuntime().availableProcessors(), 1000));
        System.out.printf("%-32s %10s %12s %16s %14s%n", "variant", "seconds", "plays/s", "plays/s/core",
                "peak heap MB");
        for (Variant v : variants) {
            resetPeaks();
            long[] r = time(data, work.resolve("out-" + v.parallelism() + "-" + v.cap()), v);
            double seconds = r[0] / 1e9;
            System.out.printf("%-32s %10.1f %,12.0f %,16.0f %,14d%n", v.name(), seconds, r[1] / seconds,
                    r[1] / seconds / v.parallelism(), peakHeap() >> 20);
        }
        System.out.printf("process peak resident memory: %,d MB%n", peakResident() >> 20);
        return 0;
    }

    private static Path month(Path work, long plays, long seed, Period period) throws Exception {
        Path dir = work.resolve("input-" + plays + "-" + seed);
        if (!Files.exists(dir.resolve(COMPLETE))) {
            if (Files.exists(dir)) {
                DemoCommand.deleteTree(dir); // an interrupted generation
            }
            System.out.printf("generating %,d plays into %s ...%n", plays, dir);
            long t0 = System.nanoTime();
            MonthGenerator.generate(dir, plays, seed, period);
            Files.createFile(dir.resolve(COMPLETE));
            System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return dir;
    }

    /** Returns {elapsed nanos, plays read}. */
    private static long[] time(Path input, Path output, Variant v) throws Exception {
        if (Files.exists(output)) {
            DemoCommand.deleteTree(output);
        }
        MonthlyOptions o = MonthlyOptions.parse(new String[] {"--period", MonthGenerator.DEFAULT_PERIOD,
            "--input", input.toString(), "--output", output.toString(), "--as-of", "2026-11-05T00:00:00Z",
            "--parallelism", "" + v.parallelism(), "--user-monthly-cap", "" + v.cap()});
        long t0 = System.nanoTime();
        MonthlyRun.Result r = MonthlyRun.run(o, new PrintStream(new ByteArrayOutputStream()));
        long elapsed = System.nanoTime() - t0;
        JsonNode counts = r.manifest().get("input_counts");
        return new long[] {elapsed, counts.get("plays.read").asLong()};
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** VmHWM of this process (Linux): heap, Flink's managed memory and everything else. */
    private static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux: unknown
        }
        return 0;
    }
}
