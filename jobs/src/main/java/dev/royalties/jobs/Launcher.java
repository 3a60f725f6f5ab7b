package dev.royalties.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main-Class of royalties.jar. The jar leaves Flink's core out (a cluster provides it). Started
 * with a plain `java -jar` where no Flink is on the class path, it starts the same JVM again with
 * the Flink jars that the build copied to lib/ beside the jar, and the JDK 17 module openings
 * that Flink's own scripts pass. On a cluster, or under `java -cp`, Flink is present and it simply
 * runs {@link Royalties}.
 */
public final class Launcher {
    private static final String PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";
    private static final String MAIN = "dev.royalties.jobs.Royalties";
    private static final List<String> OPENS = List.of("java.base/java.lang", "java.base/java.lang.reflect",
            "java.base/java.util", "java.base/java.util.concurrent", "java.base/java.io", "java.base/java.nio",
            "java.base/sun.nio.ch", "java.base/java.net", "java.base/java.text", "java.base/java.time",
            "java.base/java.math", "java.sql/java.sql");

    /** The heap of the embedded run unless the user sets one (docs/performance.md, peak memory). */
    private static final long DEFAULT_HEAP = 4L << 30;
    /** C2's limit, in bytes of compiled code, for inlining a method already compiled (its default: 2500). */
    static final int INLINE_SMALL_CODE = 1000;
    /**
     * How many times later than the JVM's defaults C2 takes over a method or a loop from C1 (the
     * four Tier4 thresholds; the C1 tiers keep theirs).
     */
    static final int TIER4_LATER = 8;
    /** Metaspace the run may fill before its first collection for class metadata. */
    private static final int METASPACE_MB = 256;
    /** Young collections an object survives before it moves to the old generation (ParallelGC's default: up to 15). */
    static final int MAX_TENURING_THRESHOLD = 2;
    /** The kernel's transparent huge pages mode, as "always [madvise] never". */
    private static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** Commands that run a bounded batch job, where throughput matters and pauses do not. */
    private static final List<String> BATCH_COMMANDS = List.of("monthly", "demo");
    /** Commands that start no Flink cluster, and keep what they write in the temporary directory. */
    private static final List<String> WITHOUT_FLINK = List.of("bench", "generate");

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        if (flinkPresent()) {
            try {
                Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return;
        }
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            System.err.println("royalties: Flink is not on the class path and " + lib + " does not exist;"
                    + " build with `mvn package` (it copies Flink there) or submit the jar with `flink run`");
            System.exit(2);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(jvmArgs);
        boolean batch = args.length > 0 && BATCH_COMMANDS.contains(args[0]);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"))
                && Runtime.getRuntime().maxMemory() > DEFAULT_HEAP) {
            // The JVM's own default (a quarter of the RAM) let the heap grow to 6 GB of mostly young
            // garbage on a 24 GB machine; the job needs far less, and the sorts use managed memory.
            cmd.add("-Xmx" + (DEFAULT_HEAP >> 20) + "m");
            if (batch && jvmArgs.stream().noneMatch(a -> a.startsWith("-Xms"))) {
                // All of it from the start: growing the heap cost the monthly run three full
                // collections (3.5 s) and 8 % of its time (docs/decisions.md).
                cmd.add("-Xms" + (DEFAULT_HEAP >> 20) + "m");
            }
        }
        if (batch && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
            // The throughput collector: G1's barriers and concurrent marking cost the batch run more
            // than its pauses save (docs/performance.md); the live job keeps the JVM's default.
            cmd.add("-XX:+UseParallelGC");
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:MaxTenuringThreshold"))) {
                // The run's long-lived objects (the tallies, millions of them) were copied between
                // survivor spaces at every young collection until they aged out: 2.5 s of pauses.
                // Promoted after two, the same run paused 2.1 s (GC log, docs/decisions.md).
                cmd.add("-XX:MaxTenuringThreshold=" + MAX_TENURING_THRESHOLD);
            }
        }
        if (batch && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:InlineSmallCode"))) {
            // The JIT compiler took 17 % of the month's CPU time on two cores; inlining only methods
            // whose compiled code is small cut that work, and the run by 7 % (docs/decisions.md).
            cmd.add("-XX:InlineSmallCode=" + INLINE_SMALL_CODE);
        }
        if (batch && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:Tier4"))) {
            // C2 still took a quarter of the month's CPU (13.6 s in 2 166 compilations, -XX:+CITime),
            // much of it on code that runs for a stage of a few seconds and is then done: start-up,
            // the AI usage, the allocation's tail. Compiling only what stays hot for eight times
            // longer cut the run by 2 s and 4 CPU-s (docs/performance.md, tenth pass).
            cmd.add("-XX:Tier4InvocationThreshold=" + 5_000 * TIER4_LATER);
            cmd.add("-XX:Tier4MinInvocationThreshold=" + 600 * TIER4_LATER);
            cmd.add("-XX:Tier4CompileThreshold=" + 15_000 * TIER4_LATER);
            cmd.add("-XX:Tier4BackEdgeThreshold=" + 40_000 * TIER4_LATER);
        }
        if (batch && jvmArgs.stream().noneMatch(a -> a.contains("UseTransparentHugePages"))
                && madviseHugePages(readQuietly(TRANSPARENT_HUGE_PAGES))) {
            // The heap in 2 MB pages where the kernel gives them on request: on a virtual machine where
            // a page fault costs microseconds, first touching a 4 GB heap a 4 KB page at a time (the
            // collector copying into fresh pages, mostly) was 8 % of the month's CPU (docs/decisions.md).
            // Where the kernel uses huge pages always, or never, the flag would add nothing but a warning.
            cmd.add("-XX:+UseTransparentHugePages");
        }
        if (batch && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:MetaspaceSize"))) {
            // Loading Flink's classes outgrew the JVM's first metaspace threshold (21 MB) three times,
            // and each time it ran a full collection: 0.36 s of pauses in start-up (GC log).
            cmd.add("-XX:MetaspaceSize=" + METASPACE_MB + "m");
        }
        List<Path> classPath = ClassArchive.classPath(jar, lib);
        // Start-up is a tenth of the monthly run; the archive spares it parsing Flink's classes.
        ClassArchive archive = batch ? ClassArchive.forClassPath(jar, classPath, jvmArgs) : null;
        if (archive != null) {
            cmd.addAll(archive.jvmOptions());
        }
        for (String open : OPENS) {
            cmd.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        Path scratch = null;
        if (!(args.length > 0 && WITHOUT_FLINK.contains(args[0]))) {
            // Every JVM that starts a Flink cluster left the 20 MB jar of Flink's RPC system in the
            // temporary directory (its cluster is still stopping when the command exits): 17 GB after
            // a day of runs on this machine. The run's temporary files go to a folder of its own in
            // the temporary directory (the user's -Djava.io.tmpdir, if given: this one comes after
            // it and wins), removed when the run ends, however it ends (spill files included).
            scratch = Files.createTempDirectory("royalties-run-");
            cmd.add("-Djava.io.tmpdir=" + scratch);
        }
        cmd.add("-cp");
        cmd.add(ClassArchive.joined(classPath)); // one fixed order: the archive is only valid for it
        cmd.add(MAIN);
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Path temporary = scratch;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            if (temporary != null) {
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                deleteQuietly(temporary);
            }
        }));
        int exit = child.waitFor();
        if (archive != null) {
            archive.finish(exit);
        }
        System.exit(exit);
    }

    /** Whether the kernel's transparent huge pages setting gives them to memory that asks (madvise). */
    static boolean madviseHugePages(String setting) {
        return setting != null && setting.contains("[madvise]");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null; // not Linux, or not readable: no huge pages asked for
        }
    }

    /** Deletes the run's temporary folder; what is left of a finished run is reported, not an error. */
    private static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("royalties: could not remove the run's temporary folder " + folder + ": " + e);
        }
    }

    private static boolean flinkPresent() {
        try {
            Class.forName(PROBE, false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
