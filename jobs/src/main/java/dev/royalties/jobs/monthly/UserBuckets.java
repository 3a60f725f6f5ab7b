package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.MonthlyPlaySerializer;
import dev.royalties.rules.Play;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Gathers each user's plays on a worker without Flink's sort of a keyed input. Plays are appended,
 * as they arrive, to one of {@value #BUCKETS} spill files chosen by the hash of user_id; at the end
 * each file is read back whole and its plays grouped by user_id in a hash map. Memory holds one
 * bucket at a time (1/256 of the worker's plays) plus a 64 KB buffer per bucket, whatever the month.
 * Flink's sort did the same job with a sorting and a spilling thread and a merge of the sorted runs:
 * about half of the per-user stage's CPU (docs/performance.md, fourth pass).
 *
 * <p>Users come out in no particular order, and a user's plays in the order they arrived: the
 * per-user rules do not depend on either (they order plays themselves where the spec says so).
 */
final class UserBuckets implements Closeable {
    static final int BUCKETS = 256;
    private static final int SPILL_BYTES = 1 << 16;

    private final SpillFolder folder;
    private final DataOutputSerializer[] pending = new DataOutputSerializer[BUCKETS];
    private final OutputStream[] files = new OutputStream[BUCKETS];

    UserBuckets(SpillFolder folder) {
        this.folder = folder;
    }

    static int bucket(String userId) {
        // The hash's top bits: the shuffle to workers uses its low ones.
        return (int) (ShuffleKeys.hash(userId) >>> 56);
    }

    void add(Play p) throws IOException {
        int b = bucket(p.userId);
        DataOutputSerializer out = pending[b];
        if (out == null) {
            out = new DataOutputSerializer(SPILL_BYTES + 1024);
            pending[b] = out;
        }
        MonthlyPlaySerializer.INSTANCE.serialize(p, out);
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

    /** Hands over every user's plays, one bucket at a time; each bucket's file is gone once read. */
    void forEachUser(UserRun.OnUser done) throws Exception {
        for (int b = 0; b < BUCKETS; b++) {
            byte[] bytes = drain(b);
            if (bytes == null) {
                continue;
            }
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            Map<String, List<Play>> users = new HashMap<>();
            while (in.available() > 0) {
                Play p = MonthlyPlaySerializer.INSTANCE.deserialize(in);
                users.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<Play>> user : users.entrySet()) {
                done.accept(user.getKey(), user.getValue());
            }
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
