package dev.royalties.jobs.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a user would (a new JVM, start-up included), with its output in a log file,
 * and watches the resident memory of its whole process tree: `java -jar` starts a second JVM with
 * Flink on the class path (see Launcher), and both count.
 */
public final class ChildJvm {
    private static final long POLL_MILLIS = 100;

    /**
     * How a child ended. {@code peakTree} sums each process's own peak (VmHWM), an upper bound of
     * what the tree held at once; {@code peakLargest} is the largest single process's peak.
     */
    public record Outcome(int exitCode, long nanos, long peakTree, long peakLargest) {}

    private ChildJvm() {}

    public static Outcome run(List<String> command, Path log) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread stop = new Thread(p::destroy); // the bench interrupted: no run left behind
        Runtime.getRuntime().addShutdownHook(stop);
        Map<Long, Long> peaks = new HashMap<>();
        // VmHWM only grows, so the last reading of each process is its peak, up to the final 100 ms.
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            record(peaks, p.pid());
            p.descendants().forEach(d -> record(peaks, d.pid()));
        }
        long nanos = System.nanoTime() - t0;
        Runtime.getRuntime().removeShutdownHook(stop);
        long tree = 0;
        long largest = 0;
        for (long v : peaks.values()) {
            tree += v;
            largest = Math.max(largest, v);
        }
        return new Outcome(p.exitValue(), nanos, tree, largest);
    }

    private static void record(Map<Long, Long> peaks, long pid) {
        long v = ResidentMemory.peak(pid);
        if (v > 0) {
            peaks.merge(pid, v, Math::max);
        }
    }
}
