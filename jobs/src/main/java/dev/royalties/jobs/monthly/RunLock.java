package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.royalties.rules.Period;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * One run at a time per (output folder, period). The lock is a sequence of files
 * {@code _runs/period=P/_lock.N}, each created with an atomic create-if-absent and never
 * rewritten by anyone but its creator; the one with the highest N is the state: a holder (host,
 * process id, start time, revision, heartbeat, as JSON) or a release marker. To take the lock, a
 * run creates N+1 when N is released or its holder is gone (its process is not alive on this host,
 * or, from another host, its heartbeat is older than {@link #STALE_AFTER}): only one run can create
 * N+1, and a late creator finds a higher number and backs off, so a free or stale lock has exactly
 * one taker, without rename or compare-and-swap. The names start with '_', so readers and the SQL
 * tables skip them and they never look like a revision. Guarantees per file system:
 * docs/reliability.md.
 */
public final class RunLock implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A lock from another host without a heartbeat for this long is abandoned. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("_lock\\.(\\d+)");

    private final FileSystem fs;
    private final Path dir;
    private final long number;
    private final PrintStream log;
    private final ScheduledExecutorService heartbeat;
    private final ObjectNode holder;
    private boolean lost;
    private boolean closed;

    private RunLock(FileSystem fs, Path dir, long number, ObjectNode holder, PrintStream log) {
        this.fs = fs;
        this.dir = dir;
        this.number = number;
        this.holder = holder;
        this.log = log;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "royalties-run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** The folder of the lock files of (output, period). */
    public static Path folder(String output, Period period) {
        return new Path(output, "_runs/period=" + period);
    }

    static Path file(Path dir, long number) {
        return new Path(dir, "_lock." + number);
    }

    /** This run's lock file. */
    public Path file() {
        return file(dir, number);
    }

    /**
     * Takes the lock of (output, period), waiting up to {@code waitSeconds} (0: not at all) while
     * another live run holds it; then fails with {@link RunLockedException} naming the holder.
     */
    public static RunLock acquire(String output, Period period, int waitSeconds, PrintStream log)
            throws IOException, InterruptedException {
        Path dir = folder(output, period);
        FileSystem fs = dir.getFileSystem();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        boolean announced = false;
        while (true) {
            long top = highest(fs, dir);
            Optional<byte[]> state = top == 0 ? Optional.empty() : read(fs, file(dir, top));
            if (top != 0 && state.isEmpty()) {
                continue; // removed by hand as we looked: look again
            }
            boolean free = top == 0 || parse(state.get()).has("released_at");
            String staleBecause = free ? null : staleBecause(fs, file(dir, top), state.get());
            if (free || staleBecause != null) {
                ObjectNode mine = newHolder();
                Path candidate = file(dir, top + 1);
                if (createIfAbsent(fs, candidate, bytes(mine))) {
                    if (highest(fs, dir) == top + 1) {
                        RunLock lock = new RunLock(fs, dir, top + 1, mine, log);
                        if (staleBecause != null) {
                            log.println("royalties: took over the run lock " + file(dir, top) + " of "
                                    + describe(state.get()) + ": " + staleBecause);
                        }
                        lock.deleteBelow(top + 1);
                        return lock;
                    }
                    // Created late, after others went further (it looked at an old state): not ours.
                    fs.delete(candidate, false);
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RunLockedException("monthly: period " + period + " of " + output
                        + " is being written by another run (" + describe(state.get()) + "; lock "
                        + file(dir, top) + ")" + (waitSeconds > 0 ? ", still held after waiting " + waitSeconds
                        + " s" : "; pass --wait SECONDS to wait for it"));
            }
            if (!announced) {
                log.printf("waiting up to %d s for the run lock held by %s%n", waitSeconds, describe(state.get()));
                announced = true;
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
        }
    }

    /** Records the revision this run writes, for whoever finds the lock held. */
    public synchronized void writing(int revision) throws IOException {
        holder.put("revision", revision);
        replace(fs, file(), bytes(holder));
    }

    /**
     * Fails when the lock is no longer this run's (another run took it over because this one stopped
     * heartbeating for longer than the limit): called before anything is made visible.
     */
    public synchronized void verify() throws IOException {
        if (lost || !stillMine()) {
            lost = true;
            throw new IllegalStateException("monthly: the run lock " + file() + " was taken over by another run;"
                    + " this run stops without promoting its outputs");
        }
    }

    /** Releases the lock (a release marker as N+1) if it is still this run's; the heartbeat stops either way. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            if (!lost && stillMine()) {
                ObjectNode released = JSON.createObjectNode().put("released_at", Instant.now().toString())
                        .put("host", HOST).put("pid", ProcessHandle.current().pid());
                released.set("revision", holder.get("revision"));
                if (createIfAbsent(fs, file(dir, number + 1), bytes(released))) {
                    deleteBelow(number + 1);
                }
            }
        } catch (IOException e) {
            log.println("royalties: could not release the run lock " + file() + ": " + e.getMessage());
        }
    }

    /** One heartbeat (the scheduled thread calls it every HEARTBEAT; tests call it directly). */
    synchronized void beat() {
        if (lost || closed) {
            return;
        }
        try {
            if (!stillMine()) {
                lost = true;
                log.println("royalties: the run lock " + file() + " was taken over by another run");
                return;
            }
            holder.put("heartbeat_at", Instant.now().toString());
            replace(fs, file(), bytes(holder));
        } catch (IOException | RuntimeException e) {
            // A missed beat is harmless unless they add up to STALE_AFTER; the next one retries.
            log.println("royalties: run lock heartbeat failed: " + e.getMessage());
        }
    }

    private boolean stillMine() throws IOException {
        return highest(fs, dir) == number && fs.exists(file());
    }

    private void deleteBelow(long n) {
        try {
            for (FileStatus s : list(fs, dir)) {
                Matcher m = NAME.matcher(s.getPath().getName());
                if (m.matches() && Long.parseLong(m.group(1)) < n) {
                    fs.delete(s.getPath(), false);
                }
            }
        } catch (IOException e) {
            // Old lock files are ignored by everyone (only the highest counts); the next taker retries.
        }
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        try {
            FileStatus[] all = fs.exists(dir) ? fs.listStatus(dir) : null;
            return all == null ? new FileStatus[0] : all;
        } catch (FileNotFoundException | NoSuchFileException gone) {
            return new FileStatus[0];
        }
    }

    /** The highest lock number in the folder, 0 when there is none. */
    static long highest(FileSystem fs, Path dir) throws IOException {
        long top = 0;
        for (FileStatus s : list(fs, dir)) {
            Matcher m = NAME.matcher(s.getPath().getName());
            if (m.matches()) {
                top = Math.max(top, Long.parseLong(m.group(1)));
            }
        }
        return top;
    }

    // ---- the holder ----

    private static ObjectNode newHolder() {
        ProcessHandle self = ProcessHandle.current();
        String now = Instant.now().toString();
        ObjectNode h = JSON.createObjectNode();
        h.put("token", UUID.randomUUID().toString());
        h.put("host", HOST);
        h.put("pid", self.pid());
        h.put("process_started_at", self.info().startInstant().map(Instant::toString).orElse(null));
        h.put("started_at", now);
        h.putNull("revision");
        h.put("heartbeat_at", now);
        return h;
    }

    private static final String HOST = localHost();

    static String host() {
        return HOST;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }

    /** Why the lock's holder is gone, or null when it may still be running. */
    static String staleBecause(FileSystem fs, Path file, byte[] content) throws IOException {
        JsonNode h = parse(content);
        if (!h.hasNonNull("token")) {
            // Unreadable (being written on a file system without atomic writes, or damaged): only age says.
            long age = System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime();
            return age > STALE_AFTER.toMillis() ? "its content is unreadable and it was last written "
                    + age / 1000 + " s ago" : null;
        }
        if (HOST.equals(h.path("host").asText())) {
            long pid = h.path("pid").asLong();
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return "its process " + pid + " is not running on " + HOST;
            }
            Optional<Instant> startedAt = p.get().info().startInstant();
            // The pid was reused when the process now under it started later (beyond clock-tick rounding).
            if (h.hasNonNull("process_started_at") && startedAt.isPresent() && Duration.between(
                    Instant.parse(h.get("process_started_at").asText()), startedAt.get()).abs().toSeconds() > 1) {
                return "its process id " + pid + " now belongs to another process";
            }
            // Alive on this host: held, however old its heartbeat (a stopped process can be resumed).
            return null;
        }
        Instant beat = Instant.parse(h.path("heartbeat_at").asText(Instant.EPOCH.toString()));
        Duration age = Duration.between(beat, Instant.now());
        return age.compareTo(STALE_AFTER) > 0 ? "its last heartbeat was " + age.toSeconds() + " s ago (limit "
                + STALE_AFTER.toSeconds() + " s)" : null;
    }

    static String describe(byte[] content) {
        JsonNode h = parse(content);
        if (!h.hasNonNull("token")) {
            return "holder unknown: the lock file is being written or is damaged";
        }
        String beat = h.hasNonNull("heartbeat_at") ? ", last heartbeat "
                + Duration.between(Instant.parse(h.get("heartbeat_at").asText()), Instant.now()).toSeconds()
                + " s ago" : "";
        return "host " + h.path("host").asText() + ", pid " + h.path("pid").asText() + ", started "
                + h.path("started_at").asText() + ", "
                + (h.hasNonNull("revision") ? "writing revision " + h.get("revision").asInt()
                : "choosing its revision") + beat;
    }

    private static JsonNode parse(byte[] content) {
        try {
            JsonNode n = JSON.readTree(content);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] bytes(ObjectNode holder) {
        return holder.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- file primitives ----

    /**
     * Atomic create-if-absent, with the whole content visible at once where the file system allows.
     * Flink's LocalFileSystem.create(NO_OVERWRITE) checks, then creates (two runs can both pass the
     * check), so on the local file system a fully written temporary file is hard-linked to the lock
     * name: link(2) fails if the name exists. Elsewhere create(NO_OVERWRITE) is the primitive: atomic
     * on HDFS, not on object stores (docs/reliability.md).
     */
    static boolean createIfAbsent(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            java.nio.file.Path target = local.pathToFile(file).toPath();
            Files.createDirectories(target.getParent());
            java.nio.file.Path tmp = target.resolveSibling("_lock.new-" + UUID.randomUUID());
            try {
                Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.createLink(target, tmp);
                return true;
            } catch (FileAlreadyExistsException held) {
                return false;
            } catch (NoSuchFileException folderJustRemoved) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        fs.mkdirs(file.getParent());
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write(content);
            return true;
        } catch (FileAlreadyExistsException held) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false;
            }
            throw e;
        }
    }

    /** Rewrites the lock: atomically (rename over it) on the local file system, in place elsewhere. */
    private static void replace(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof LocalFileSystem local) {
            java.nio.file.Path target = local.pathToFile(file).toPath();
            java.nio.file.Path tmp = target.resolveSibling("_lock.new-" + UUID.randomUUID());
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (OutputStream out = fs.create(file, FileSystem.WriteMode.OVERWRITE)) {
            out.write(content);
        }
    }

    private static Optional<byte[]> read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return Optional.of(b.toByteArray());
        } catch (FileNotFoundException | NoSuchFileException gone) {
            return Optional.empty();
        }
    }
}
