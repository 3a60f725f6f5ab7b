package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.PlayBytes;
import dev.royalties.jobs.types.CompactText;
import dev.royalties.jobs.types.UserPlayBlock;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Gathers each user's plays on a worker without Flink's sort of a keyed input. Plays arrive packed by
 * the sender in blocks of one bucket each ({@link UserPlayPacker}), and each block is appended, in
 * the bytes it arrived in, to one of {@value #BUCKETS} spill files, chosen by the hash of user_id.
 * At the end each file is read back whole, its records grouped by that hash (an array of
 * positions, not of plays), and each user's plays are built just before the user is settled.
 * Memory holds one bucket's bytes at a time, twice (as read, and in its users' order; a bucket is
 * 1/256 of the worker's plays) plus a 64 KB buffer per bucket, whatever the month. Building a user's plays at their turn, rather than the whole bucket's
 * into a map first, keeps them in the cache while the rules read them, and spares a map of users.
 *
 * <p>Users come out in the order they first arrived in their bucket, and a user's plays in the order
 * they arrived: the per-user rules do not depend on either (they order plays themselves where the
 * spec says so), and what leaves the stage is counts.
 */
final class UserBuckets implements Closeable {
    static final int BUCKETS = 256;
    private static final int SPILL_BYTES = 1 << 16;
    /** Plays a bucket may hold: its positions are ints, and its hash table has twice as many slots. */
    private static final int MAX_PER_BUCKET = 1 << 28;

    private final SpillFolder folder;
    private final PlayBytes.Reader plays;
    private final DataOutputSerializer[] pending = new DataOutputSerializer[BUCKETS];
    private final OutputStream[] files = new OutputStream[BUCKETS];
    private final int[] counts = new int[BUCKETS];
    private final LongUnaryOperator groupBy;
    /** One bucket's plays in their users' order; kept from bucket to bucket. */
    private byte[] grouped = new byte[0];

    /** @param trackIdAt the catalogue's track_id at a track index, shared by the plays of that track */
    UserBuckets(SpillFolder folder, IntFunction<String> trackIdAt) {
        this(folder, trackIdAt, h -> h);
    }

    /** @param groupBy what a user's hash becomes before grouping (tests make users collide with it) */
    UserBuckets(SpillFolder folder, IntFunction<String> trackIdAt, LongUnaryOperator groupBy) {
        this.folder = folder;
        this.plays = new PlayBytes.Reader(trackIdAt);
        this.groupBy = groupBy;
    }

    static int bucket(long userHash) {
        // The hash's top bits: the shuffle to workers uses its low ones.
        return (int) (userHash >>> 56);
    }

    /** Appends a block of one bucket's plays (a {@link UserPlayPacker}'s) to its bucket, as it came. */
    void add(UserPlayBlock block) throws IOException {
        int b = block.bucket;
        if (b < 0 || b >= BUCKETS) {
            throw new IllegalArgumentException("a block of user plays names bucket " + b + " of " + BUCKETS);
        }
        counts[b] += block.count;
        if (counts[b] > MAX_PER_BUCKET || counts[b] < 0) {
            throw new IllegalStateException("more than " + MAX_PER_BUCKET + " plays in one of the " + BUCKETS
                    + " user buckets of a worker: raise the job's parallelism");
        }
        DataOutputSerializer out = pending[b];
        if (out == null) {
            out = new DataOutputSerializer(SPILL_BYTES + UserPlayPacker.MAX_BLOCK);
            pending[b] = out;
        }
        out.write(block.bytes, 0, block.length);
        if (out.length() >= SPILL_BYTES) {
            spill(b);
        }
    }

    private void spill(int b) throws IOException {
        if (files[b] == null) {
            files[b] = new FileOutputStream(folder.file(b));
        }
        files[b].write(pending[b].getSharedBuffer(), 0, pending[b].length());
        pending[b].clear();
    }

    /**
     * Hands over every user's plays, one bucket at a time; each bucket's file is gone once read.
     * A bucket's records are grouped by their user hash (a hash table of the bucket's users and a
     * counting sort, stable, so a user's plays stay in arrival order), in the order the users first
     * arrived: sorting the records by hash cost four times as much (async-profiler) for an order no
     * rule needs. Two users whose hashes agree fall in one group and are split apart by {@link UserRun}.
     */
    void forEachUser(UserRun.OnUser done) throws Exception {
        UserRun run = new UserRun(); // keyed by the records' group in their bucket
        DataInputDeserializer in = new DataInputDeserializer();
        for (int b = 0; b < BUCKETS; b++) {
            byte[] bytes = drain(b);
            if (bytes == null) {
                continue;
            }
            int n = counts[b];
            int[] offsets = new int[n];
            int[] lengths = new int[n];
            long[] hashes = new long[n];
            in.setBuffer(bytes);
            for (int i = 0; i < n; i++) {
                int length = (int) CompactText.readVarLong(in);
                int at = in.getPosition();
                offsets[i] = at;
                lengths[i] = length;
                hashes[i] = groupBy.applyAsLong(userHash(bytes, at));
                in.skipBytesToRead(length);
            }
            int[] group = new int[n];
            int[] order = byGroup(hashes, group);
            // The plays' bytes copied into their users' order first, in a loop small enough for the
            // processor to have many of its misses in flight, so that the rules then read them in
            // address order: read in place, each play was a miss to memory that the rules waited on
            // (a tenth of the stage's samples, in PlayBytes.userIdAt, issue 10).
            if (grouped.length < bytes.length) {
                grouped = new byte[bytes.length];
            }
            int[] starts = new int[n];
            int to = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                System.arraycopy(bytes, offsets[i], grouped, to, lengths[i]);
                starts[k] = to;
                to += lengths[i];
            }
            for (int k = 0; k < n; k++) {
                run.add(plays.read(grouped, starts[k]), group[order[k]], done);
            }
            run.flush(done);
        }
    }

    /** The hash of the user_id of the play whose fields start at {@code at}; the sender's, as it happens. */
    private long userHash(byte[] bytes, int at) throws IOException {
        int u = PlayBytes.userIdAt(bytes, at);
        return u >= 0 ? ShuffleKeys.hash(bytes, u, bytes[u - 1]) : ShuffleKeys.hash(plays.read(bytes, at).userId);
    }

    /**
     * Numbers the distinct hashes in order of first arrival ({@code group}, per record) and returns
     * the records' positions grouped by that number, each group in arrival order.
     */
    static int[] byGroup(long[] hashes, int[] group) {
        int n = hashes.length;
        int bits = Math.max(4, 33 - Integer.numberOfLeadingZeros(Math.max(1, n))); // at least twice n slots
        int mask = (1 << bits) - 1;
        long[] keys = new long[1 << bits];
        int[] numbers = new int[1 << bits]; // group + 1; 0 is an empty slot
        int[] sizes = new int[Math.max(16, n / 16)];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> (64 - bits)); // every bit of the hash counts
            while (numbers[slot] != 0 && keys[slot] != h) {
                slot = (slot + 1) & mask;
            }
            if (numbers[slot] == 0) {
                keys[slot] = h;
                numbers[slot] = ++groups;
                if (groups > sizes.length) {
                    sizes = Arrays.copyOf(sizes, sizes.length * 2);
                }
            }
            group[i] = numbers[slot] - 1;
            sizes[group[i]]++;
        }
        int[] next = new int[groups];
        for (int g = 1; g < groups; g++) {
            next[g] = next[g - 1] + sizes[g - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[group[i]]++] = i;
        }
        return order;
    }

    /** The bucket's bytes (its file, then what is still buffered), or null when it got no play. */
    private byte[] drain(int b) throws IOException {
        DataOutputSerializer buffered = pending[b];
        pending[b] = null;
        if (files[b] == null) {
            return buffered == null ? null : buffered.getCopyOfBuffer();
        }
        files[b].write(buffered.getSharedBuffer(), 0, buffered.length());
        files[b].close();
        files[b] = null;
        byte[] bytes = Files.readAllBytes(folder.file(b).toPath());
        Files.delete(folder.file(b).toPath());
        return bytes;
    }

    /** Closes and deletes whatever is left, also after a failure. */
    @Override
    public void close() throws IOException {
        for (int b = 0; b < BUCKETS; b++) {
            if (files[b] != null) {
                files[b].close();
                files[b] = null;
            }
            pending[b] = null;
        }
        folder.close();
    }
}
