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
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;

/**
 * One run at a time per (output folder, period): the lock file {@code _runs/period=P/_lock} holds
 * its holder (host, process id, start time, revision, heartbeat) as JSON. Its name starts with
 * '_', so readers and the SQL tables skip it and it never looks like a revision.
 *
 * <p>The lock is created with an atomic create-if-absent; a lock whose holder is gone (its process
 * is not alive on this host, or, from another host, its heartbeat is older than {@link #STALE_AFTER})
 * is moved aside under a unique name, checked to be the one judged stale, and created anew, so two
 * takers cannot both win. What this guarantees on each kind of file system: docs/reliability.md.
 */
public final class RunLock implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A lock from another host without a heartbeat for this long is abandoned. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path file;
    private final PrintStream log;
    private final ScheduledExecutorService heartbeat;
    private ObjectNode holder;
    private boolean lost;

    private RunLock(FileSystem fs, Path file, ObjectNode holder, PrintStream log) {
        this.fs = fs;
        this.file = file;
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

    public static Path file(String output, Period period) {
        return new Path(output, "_runs/period=" + period + "/_lock");
    }

    /**
     * Takes the lock of (output, period), waiting up to {@code waitSeconds} (0: not at all) while
     * another live run holds it; then fails with {@link RunLockedException} naming the holder.
     */
    public static RunLock acquire(String output, Period period, int waitSeconds, PrintStream log)
            throws IOException, InterruptedException {
        Path file = file(output, period);
        FileSystem fs = file.getFileSystem();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(waitSeconds);
        boolean announced = false;
        while (true) {
            ObjectNode mine = newHolder();
            if (createIfAbsent(fs, file, bytes(mine))) {
                return new RunLock(fs, file, mine, log);
            }
            Optional<byte[]> current = read(fs, file);
            if (current.isEmpty()) {
                continue; // released between our attempt and the read: try again
            }
            String staleBecause = staleBecause(fs, file, current.get());
            if (staleBecause != null) {
                takeOver(fs, file, current.get(), staleBecause, log);
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RunLockedException("monthly: period " + period + " of " + output
                        + " is being written by another run (" + describe(current.get()) + "; lock " + file + ")"
                        + (waitSeconds > 0 ? ", still held after waiting " + waitSeconds + " s"
                        : "; pass --wait SECONDS to wait for it"));
            }
            if (!announced) {
                log.printf("waiting up to %d s for the run lock held by %s%n", waitSeconds, describe(current.get()));
                announced = true;
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
        }
    }

    /** Records the revision this run writes, for whoever finds the lock held. */
    public synchronized void writing(int revision) throws IOException {
        holder.put("revision", revision);
        replace(fs, file, bytes(holder));
    }

    /**
     * Fails when the lock is no longer this run's (another run took it over because this one stopped
     * heartbeating for longer than the limit): called before anything is made visible.
     */
    public synchronized void verify() throws IOException {
        if (lost || !isMine(read(fs, file))) {
            lost = true;
            throw new IllegalStateException("monthly: the run lock " + file + " was taken over by another run;"
                    + " this run stops without promoting its outputs");
        }
    }

    /** Releases the lock if it is still this run's; the heartbeat stops either way. */
    @Override
    public synchronized void close() {
        heartbeat.shutdownNow();
        try {
            if (!lost && isMine(read(fs, file))) {
                fs.delete(file, false);
            }
            // A run that wrote nothing leaves no empty _runs folders behind; non-empty ones stay.
            for (Path p : new Path[] {file.getParent(), file.getParent().getParent()}) {
                FileStatus[] left = fs.listStatus(p);
                if (left == null || left.length > 0) {
                    break;
                }
                fs.delete(p, false);
            }
        } catch (IOException e) {
            log.println("royalties: could not release the run lock " + file + ": " + e.getMessage());
        }
    }

    private synchronized void beat() {
        if (lost) {
            return;
        }
        try {
            if (!isMine(read(fs, file))) {
                lost = true;
                log.println("royalties: the run lock " + file + " was taken over by another run");
                return;
            }
            holder.put("heartbeat_at", Instant.now().toString());
            replace(fs, file, bytes(holder));
        } catch (IOException | RuntimeException e) {
            // A missed beat is harmless unless they add up to STALE_AFTER; the next one retries.
            log.println("royalties: run lock heartbeat failed: " + e.getMessage());
        }
    }

    private boolean isMine(Optional<byte[]> content) {
        return content.map(c -> holder.path("token").asText().equals(parse(c).path("token").asText()))
                .orElse(false);
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
            String startedAt = p.get().info().startInstant().map(Instant::toString).orElse(null);
            if (h.hasNonNull("process_started_at") && startedAt != null
                    && !startedAt.equals(h.path("process_started_at").asText())) {
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

    // ---- takeover ----

    /**
     * Moves the stale lock aside under a unique name (only one taker's move can succeed), then checks
     * that what was moved is the lock judged stale: if a live run created a fresh lock in between, it
     * is put back as it was.
     */
    private static void takeOver(FileSystem fs, Path file, byte[] judged, String reason, PrintStream log)
            throws IOException {
        Path aside = new Path(file.getParent(), "_lock.stale-" + UUID.randomUUID());
        if (!renameIfPresent(fs, file, aside)) {
            return;
        }
        Optional<byte[]> moved = read(fs, aside);
        if (moved.isPresent() && !Arrays.equals(moved.get(), judged)) {
            createIfAbsent(fs, file, moved.get());
            fs.delete(aside, false);
            return;
        }
        fs.delete(aside, false);
        log.println("royalties: took over the run lock " + file + " of " + describe(judged) + ": " + reason);
    }

    private static boolean renameIfPresent(FileSystem fs, Path from, Path to) throws IOException {
        try {
            return fs.rename(from, to);
        } catch (FileNotFoundException | NoSuchFileException gone) {
            return false;
        }
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
