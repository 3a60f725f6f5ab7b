package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.jobs.types.UserPlayRecordSerializer;
import java.io.IOException;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Packs plays into {@link UserPlayBlock}s, one open block per (worker, bucket), and hands a block on
 * once it holds {@link #blockBytes(int)} bytes. Sending plays one network record each cost the
 * reading task a record's serialization and the partition's bookkeeping per play, and the per-user
 * stage a record's deserialization, an array and a second copy per play (async-profiler, issue 10).
 */
final class UserPlayPacker {
    /** Bytes the open blocks may hold together, whatever the number of workers. */
    static final int OPEN_BYTES = 2 << 20;
    private static final int MIN_BLOCK = 1 << 10;
    static final int MAX_BLOCK = 4 << 10;

    /** Where a full block goes; the block's bytes are the packer's, valid during the call only. */
    interface Out {
        void block(UserPlayBlock block) throws IOException;
    }

    private final int workers;
    private final int blockBytes;
    private final Out out;
    private final DataOutputSerializer[] open;
    private final int[] counts;
    /** Writes each play as {@link dev.royalties.jobs.types.PlayBytes}; holds a buffer. */
    private final UserPlayRecordSerializer entries = new UserPlayRecordSerializer();

    UserPlayPacker(int workers, Out out) {
        this(workers, blockBytes(workers), out);
    }

    UserPlayPacker(int workers, int blockBytes, Out out) {
        this.workers = workers;
        this.blockBytes = blockBytes;
        this.out = out;
        this.open = new DataOutputSerializer[workers * UserBuckets.BUCKETS];
        this.counts = new int[open.length];
    }

    static int blockBytes(int workers) {
        return Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, OPEN_BYTES / (workers * UserBuckets.BUCKETS)));
    }

    /**
     * The worker a user's plays go to: the hash's low 32 bits scaled to [0, workers) by a multiply
     * and a shift, not a 64-bit division per play (as {@code Math.floorMod} did, 5 % of the reading
     * task's samples); the bucket uses the top bits.
     */
    static int route(long userHash, int workers) {
        return (int) (((userHash & 0xFFFFFFFFL) * workers) >>> 32);
    }

    void add(UserPlayRecord r) throws IOException {
        int i = route(r.userHash, workers) * UserBuckets.BUCKETS + UserBuckets.bucket(r.userHash);
        DataOutputSerializer block = open[i];
        if (block == null) {
            block = new DataOutputSerializer(blockBytes + 256);
            open[i] = block;
        }
        entries.serializePlay(r, block);
        counts[i]++;
        if (block.length() >= blockBytes) {
            send(i);
        }
    }

    /** Hands on every block that holds a play. */
    void flush() throws IOException {
        for (int i = 0; i < open.length; i++) {
            if (counts[i] > 0) {
                send(i);
            }
        }
    }

    private void send(int i) throws IOException {
        DataOutputSerializer block = open[i];
        out.block(new UserPlayBlock(i / UserBuckets.BUCKETS, i % UserBuckets.BUCKETS, counts[i],
                block.getSharedBuffer(), block.length()));
        block.clear();
        counts[i] = 0;
    }
}
