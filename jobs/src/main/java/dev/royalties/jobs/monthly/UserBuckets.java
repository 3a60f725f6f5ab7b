package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.PlayBytes;
import dev.royalties.jobs.types.UserPlayRecord;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Gathers each user's plays on a worker without Flink's sort of a keyed input. Plays are appended,
 * as they arrive and in the bytes they arrived in, to one of {@value #BUCKETS} spill files chosen by
 * the hash of user_id; at the end each file is read back whole, its records ordered by that hash
 * (a sort of longs, not of plays), and each user's plays are built just before the user is settled.
 * Memory holds one bucket's bytes at a time (1/256 of the worker's plays) plus a 64 KB buffer per
 * bucket, whatever the month. Building a user's plays at their turn, rather than the whole bucket's
 * into a map first, keeps them in the cache while the rules read them, and spares a map of users.
 *
 * <p>Users come out in the order of their hash, and a user's plays in the order they arrived: the
 * per-user rules do not depend on either (they order plays themselves where the spec says so).
 */
final class UserBuckets implements Closeable {
    static final int BUCKETS = 256;
    private static final int SPILL_BYTES = 1 << 16;
    /** Low bits of a sort key that hold the record's number in its bucket; the hash has the rest. */
    private static final int INDEX_BITS = 28;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final SpillFolder folder;
    private final PlayBytes.Reader plays;
    private final DataOutputSerializer[] pending = new DataOutputSerializer[BUCKETS];
    private final OutputStream[] files = new OutputStream[BUCKETS];
    private final int[] counts = new int[BUCKETS];

    /** @param trackIdAt the catalogue's track_id at a track index, shared by the plays of that track */
    UserBuckets(SpillFolder folder, IntFunction<String> trackIdAt) {
        this.folder = folder;
        this.plays = new PlayBytes.Reader(trackIdAt);
    }

    static int bucket(long userHash) {
        // The hash's top bits: the shuffle to workers uses its low ones.
        return (int) (userHash >>> 56);
    }

    /** The part of the hash that orders users within a bucket (its top 8 bits are the bucket). */
    static long order(long userHash) {
        return (userHash << 8) >>> INDEX_BITS;
    }

    void add(UserPlayRecord r) throws IOException {
        int b = bucket(r.userHash);
        if (++counts[b] > INDEX_MASK) {
            throw new IllegalStateException("more than " + INDEX_MASK + " plays in one of the " + BUCKETS
                    + " user buckets of a worker: raise the job's parallelism");
        }
        DataOutputSerializer out = pending[b];
        if (out == null) {
            out = new DataOutputSerializer(SPILL_BYTES + 1024);
            pending[b] = out;
        }
        out.writeLong(r.userHash);
        out.writeInt(r.bytes.length);
        out.write(r.bytes);
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
     * Two users whose hashes agree in the bits that order them are split apart by {@link UserRun}.
     */
    void forEachUser(UserRun.OnUser done) throws Exception {
        UserRun run = new UserRun(); // keyed by the records' own hash bits (the sort key's upper part)
        DataInputDeserializer in = new DataInputDeserializer();
        for (int b = 0; b < BUCKETS; b++) {
            byte[] bytes = drain(b);
            if (bytes == null) {
                continue;
            }
            int n = counts[b];
            int[] offsets = new int[n];
            long[] keys = new long[n];
            in.setBuffer(bytes);
            for (int i = 0; i < n; i++) {
                long hash = in.readLong();
                int length = in.readInt();
                offsets[i] = in.getPosition();
                keys[i] = (order(hash) << INDEX_BITS) | i;
                in.skipBytesToRead(length);
            }
            Arrays.sort(keys);
            for (long key : keys) {
                run.add(plays.read(bytes, offsets[(int) (key & INDEX_MASK)]), key >>> INDEX_BITS, done);
            }
            run.flush(done);
        }
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
