package dev.royalties.jobs.monthly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * `royalties monthly` in a real child JVM on the test classpath, stopped at a {@link CrashPoint} so
 * that a test can kill it there with SIGKILL ({@link #kill}) or SIGTERM ({@link #terminate}).
 */
final class MonthlyChild implements AutoCloseable {
    /** Generous: the machine is shared; this bounds a hang, it does not time anything. */
    private static final Duration REACH_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String point;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch reached = new CountDownLatch(1);

    private MonthlyChild(Process process, String point) {
        this.process = process;
        this.point = point;
        Thread reader = new Thread(this::readOutput, "monthly-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static MonthlyChild start(String crashPoint, String... monthlyArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-D" + CrashPoint.PROPERTY + "=" + crashPoint,
                // the test JVM's temporary directory (target/): a child that is killed leaves what
                // Flink and the native libraries unpacked there, not in the machine's /tmp
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "dev.royalties.jobs.Royalties", "monthly"));
        cmd.addAll(List.of(monthlyArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new MonthlyChild(p, crashPoint);
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                synchronized (lines) {
                    lines.add(l);
                }
                if (l.contains("crash point " + point + " reached")) {
                    reached.countDown();
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    /** Waits until the run stopped at its crash point; fails with the child's output if it ended first. */
    MonthlyChild awaitCrashPoint() throws InterruptedException {
        long deadline = System.nanoTime() + REACH_TIMEOUT.toNanos();
        while (!reached.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child run did not reach crash point " + point + " (exit "
                        + (process.isAlive() ? "none yet" : process.exitValue()) + "):\n" + output());
            }
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM: the JVM runs its shutdown hooks, but the run's own finally blocks do not run. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the child run ignored SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    static Path exampleInput() {
        return Paths.get("src/test/resources/examples/small/input").toAbsolutePath();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
