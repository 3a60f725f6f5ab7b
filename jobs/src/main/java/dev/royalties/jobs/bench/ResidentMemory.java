package dev.royalties.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory from Linux's /proc: what the machine really gives a run (heap, Flink's managed
 * memory, metaspace, thread stacks, direct buffers, DuckDB's native allocations), unlike the heap
 * figures of the JVM. Elsewhere every figure reads as 0 (unknown).
 */
public final class ResidentMemory {
    private ResidentMemory() {}

    /** The peak resident set (VmHWM) of a process, in bytes; 0 when unknown (gone, or not Linux). */
    public static long peak(long pid) {
        return field(Path.of("/proc/" + pid + "/status"), "VmHWM:");
    }

    /** The peak resident set of this JVM since it started or since the last {@link #resetPeak()}. */
    public static long peakOfThisProcess() {
        return field(Path.of("/proc/self/status"), "VmHWM:");
    }

    /**
     * Resets this process's high-water mark to its current resident set (writing 5 to clear_refs,
     * Linux 4.0+), so that runs in one JVM get a peak each. False when the kernel refuses: the
     * peak then covers everything since the JVM started.
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long field(Path status, String name) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or no /proc here: unknown
        }
        return 0;
    }
}
