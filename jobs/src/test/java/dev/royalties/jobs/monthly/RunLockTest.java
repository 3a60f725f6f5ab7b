package dev.royalties.jobs.monthly;

import static dev.royalties.testing.InputFolder.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.rules.Period;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 §1: one run per (output folder, period); a second refuses (exit 3) or waits; stale locks are taken over. */
class RunLockTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path tmp;

    Path in;
    Path out;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void month() throws Exception {
        in = InputFolder.minimalMonth(tmp.resolve("in")).write(Tables.PLAYS, List.<Object[]>of(
                new Object[] {"P1", "U1", "T1", at("2026-10-10T00:00:00Z"), 200_000, "FR", "premium"})).root();
        out = tmp.resolve("out");
    }

    private String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("--period", "2026-10", "--input", in.toString(), "--output",
                out.toString(), "--as-of", "2026-11-05T00:00:00Z", "--parallelism", "2"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private int royalties(String... extra) {
        List<String> a = new ArrayList<>(List.of("monthly"));
        a.addAll(List.of(args(extra)));
        return Royalties.execute(a.toArray(new String[0]), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private MonthlyRun.Result run(PrintStream log, String... extra) throws Exception {
        return MonthlyRun.run(MonthlyOptions.parse(args(extra)), log);
    }

    private Path lockFolder() {
        return out.resolve("_runs/period=2026-10");
    }

    /** The lock files left: after a release, only the release marker. */
    private List<String> lockFiles() throws Exception {
        if (!Files.exists(lockFolder())) {
            return List.of();
        }
        try (var files = Files.list(lockFolder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("_")).sorted().toList();
        }
    }

    private void assertReleased() throws Exception {
        List<String> left = lockFiles();
        assertThat(left).hasSize(1);
        assertThat(left.get(0)).matches("_lock\\.\\d+");
        assertThat(JSON.readTree(lockFolder().resolve(left.get(0)).toFile()).has("released_at")).isTrue();
    }

    /** A lock file as another run would have left it, as lock number 1 (a fresh output folder). */
    private Path writeLock(String host, long pid, Instant heartbeat) throws Exception {
        ObjectNode h = JSON.createObjectNode().put("token", "t-1").put("host", host).put("pid", pid)
                .put("started_at", heartbeat.minusSeconds(60).toString()).put("revision", 1)
                .put("heartbeat_at", heartbeat.toString());
        Path file = lockFolder().resolve("_lock.1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, h.toString());
        return file;
    }

    @Test
    void aSecondRunRefusesWithExitThreeNamingTheHolderThenTakesOverOnceThatProcessIsKilled() throws Exception {
        try (MonthlyChild first = MonthlyChild.start("before-job", args()).awaitCrashPoint()) {
            assertThat(royalties()).as(error()).isEqualTo(3);
            assertThat(error()).doesNotContain("\n").startsWith("royalties: monthly: period 2026-10 of " + out
                    + " is being written by another run (host " + RunLock.host() + ", pid " + first.pid()
                    + ", started ").contains("writing revision 1", "lock " + lockFolder().resolve("_lock.1"),
                    "--wait SECONDS");
            first.kill();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result r = run(new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(r.revision()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("took over the run lock", "is not running on "
                + RunLock.host(), "removed 1 staging folder(s) left by killed runs");
        assertReleased();
        assertThat(out.resolve("_staging")).doesNotExist();
    }

    @Test
    void withWaitASecondRunWaitsForTheHolderAndThenRuns() throws Exception {
        RunLock held = RunLock.acquire(out.toString(), OCTOBER, 0, QUIET);
        CountDownLatch waiting = new CountDownLatch(1);
        PrintStream log = new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                line.append((char) b);
                if (line.indexOf("waiting up to 120 s for the run lock held by host ") >= 0) {
                    waiting.countDown();
                }
            }
        }, true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<MonthlyRun.Result> second = pool.submit(() -> run(log, "--wait", "120"));
            assertThat(waiting.await(3, TimeUnit.MINUTES)).isTrue();
            assertThat(second).isNotDone();
            held.close();
            assertThat(second.get(3, TimeUnit.MINUTES).revision()).isEqualTo(1);
        } finally {
            held.close();
            pool.shutdownNow();
        }
    }

    @Test
    void waitGivesUpWithExitThreeWhenTheHolderKeepsTheLock() throws Exception {
        try (RunLock held = RunLock.acquire(out.toString(), OCTOBER, 0, QUIET)) {
            assertThat(royalties("--wait", "1")).isEqualTo(3);
            assertThat(error()).doesNotContain("\n").contains("pid " + ProcessHandle.current().pid(),
                    "choosing its revision", "still held after waiting 1 s");
        }
        assertThat(out.resolve("_runs/period=2026-10/revision=1")).doesNotExist();
    }

    @Test
    void theLockOfAProcessThatIsGoneIsTakenOverAndTheTakeoverLogged() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = writeLock(RunLock.host(), gone.pid(), Instant.now());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(run(new PrintStream(log, true, StandardCharsets.UTF_8)).revision()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("took over the run lock " + stale,
                "pid " + gone.pid(), "its process " + gone.pid() + " is not running on " + RunLock.host());
        assertReleased();
    }

    @Test
    void aLockFromAnotherHostIsTakenOverOnlyOnceItsHeartbeatIsOlderThanTheLimit() throws Exception {
        writeLock("batch-7.example", 4242, Instant.now().minusSeconds(5));
        assertThat(royalties()).isEqualTo(3);
        assertThat(error()).contains("host batch-7.example, pid 4242", "writing revision 1",
                "last heartbeat 5 s ago");

        writeLock("batch-7.example", 4242, Instant.now().minus(Duration.ofHours(1)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(run(new PrintStream(log, true, StandardCharsets.UTF_8)).revision()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("took over the run lock",
                "host batch-7.example, pid 4242", "its last heartbeat was 3600 s ago (limit 120 s)");
    }

    @Test
    void ofManyConcurrentTakersExactlyOneWinsAFreeOrAStaleLock() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        int takers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            for (int round = 0; round < 20; round++) {
                Path dir = tmp.resolve("race-" + round);
                out = dir;
                if (round % 2 == 1) {
                    writeLock(RunLock.host(), gone.pid(), Instant.now());
                }
                CyclicBarrier start = new CyclicBarrier(takers);
                List<Future<RunLock>> tries = new ArrayList<>();
                for (int i = 0; i < takers; i++) {
                    tries.add(pool.submit(() -> {
                        start.await();
                        try {
                            return RunLock.acquire(dir.toString(), OCTOBER, 0, QUIET);
                        } catch (RunLockedException refused) {
                            return null;
                        }
                    }));
                }
                List<RunLock> won = new ArrayList<>();
                for (Future<RunLock> f : tries) {
                    RunLock l = f.get(1, TimeUnit.MINUTES);
                    if (l != null) {
                        won.add(l);
                    }
                }
                assertThat(won).as("round " + round).hasSize(1);
                won.get(0).close();
                assertReleased(); // and no debris: no temporary file, no lock of a late loser

            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHeartbeatRefreshesTheLockAndARunWhoseLockWasTakenOverRefusesToPromote() throws Exception {
        try (RunLock lock = RunLock.acquire(out.toString(), OCTOBER, 0, QUIET)) {
            Path mine = Path.of(lock.file().toUri().getPath());
            String before = JSON.readTree(mine.toFile()).get("heartbeat_at").asText();
            Thread.sleep(5);
            lock.beat();
            assertThat(JSON.readTree(mine.toFile()).get("heartbeat_at").asText()).isGreaterThan(before);
            lock.verify();

            // What a takeover by another host leaves: the next lock number, held by that host.
            Files.writeString(lockFolder().resolve("_lock.2"), JSON.createObjectNode().put("token", "t-2")
                    .put("host", "batch-7.example").put("pid", 4242).put("heartbeat_at", Instant.now().toString())
                    .toString());
            lock.beat();
            assertThatThrownBy(lock::verify).hasMessageContaining("was taken over by another run");
        }
        assertThat(lockFiles()).contains("_lock.2").doesNotContain("_lock.3"); // nothing released on its behalf
    }
}
