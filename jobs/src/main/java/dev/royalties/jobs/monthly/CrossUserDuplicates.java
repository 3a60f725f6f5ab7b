package dev.royalties.jobs.monthly;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;

/**
 * The check that lets the monthly job group plays by user straight away: it is exact only when
 * every copy of a play_id carries the same user_id. Gets the (play hash, user hash) pairs of every
 * valid play of the period in blocks per bucket ({@link PlayFingerprints}) and counts the play
 * hashes seen with more than one user hash. Any count above zero makes the driver run the period
 * again on the general pipeline (de-duplicate by play_id first), so a false alarm (two play_ids
 * sharing a hash) costs time only.
 *
 * <p>Hand-written hash partitioning rather than a keyed sort: Flink's sort of 20 million small
 * records took 16 s of a 2-core run (JFR), this takes about one. Each bucket goes to a file in
 * Flink's spilling directories as it arrives; at the end each bucket, 1/256 of the pairs, is checked
 * in a primitive hash table, so memory stays bounded by the largest bucket, not by the month.
 */
final class CrossUserDuplicates extends EndOfInputOperator<long[], Partial> {
    private static final long serialVersionUID = 1L;
    static final String COUNTER = "plays.cross_user_duplicate_ids";

    private transient SpillFolder folder;
    private transient OutputStream[] spills;
    private transient ByteBuffer bytes;
    private transient long[] pairs;

    @Override
    public void open() throws Exception {
        super.open();
        folder = SpillFolder.of(this, "fingerprints-");
        spills = new OutputStream[PlayFingerprints.BUCKETS];
        pairs = new long[PlayFingerprints.BUCKETS];
    }

    @Override
    protected void onElement(long[] block) throws IOException {
        int b = (int) block[0];
        OutputStream out = spills[b];
        if (out == null) {
            out = new BufferedOutputStream(new FileOutputStream(folder.file(b)), 1 << 16);
            spills[b] = out;
        }
        // The block in one write: a long at a time through a stream was most of this stage (JFR).
        int longs = block.length - 1;
        if (bytes == null || bytes.capacity() < longs * Long.BYTES) {
            bytes = ByteBuffer.allocate(Math.max(longs, 2 * PlayFingerprints.PAIRS) * Long.BYTES);
        }
        bytes.clear();
        bytes.asLongBuffer().put(block, 1, longs);
        out.write(bytes.array(), 0, longs * Long.BYTES);
        pairs[b] += longs / 2;
    }

    @Override
    protected void onEnd() throws IOException {
        long count = 0;
        for (int b = 0; b < spills.length; b++) {
            if (spills[b] != null) {
                spills[b].close();
                spills[b] = null;
                count += check(b);
                Files.delete(folder.file(b).toPath());
            }
        }
        emit(Partial.counter(COUNTER, count));
    }

    /**
     * The play hashes of one bucket that come with more than one user hash. A table of (play, user)
     * pairs side by side, at most two thirds full, and a byte of state per slot: a probe reads the
     * small state array and one line of the table, where separate arrays of plays and users at a
     * third full read three lines, and their 2.2 MB per bucket outgrew the core's cache (the check
     * was two thirds of this stage, async-profiler, issue 10).
     */
    private long check(int b) throws IOException {
        int n = Math.toIntExact(pairs[b]);
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, n + n / 2)) * 2);
        int mask = capacity - 1;
        long[] table = new long[2 * capacity]; // [2i] a play hash, [2i + 1] the first user hash seen with it
        byte[] state = new byte[capacity]; // 0 empty, 1 one user so far, 2 counted
        long count = 0;
        LongBuffer in = ByteBuffer.wrap(Files.readAllBytes(folder.file(b).toPath())).asLongBuffer();
        for (int k = 0; k < n; k++) {
            long play = in.get();
            long user = in.get();
            int slot = (int) play & mask;
            while (state[slot] != 0 && table[2 * slot] != play) {
                slot = (slot + 1) & mask;
            }
            if (state[slot] == 0) {
                table[2 * slot] = play;
                table[2 * slot + 1] = user;
                state[slot] = 1;
            } else if (state[slot] == 1 && table[2 * slot + 1] != user) {
                state[slot] = 2;
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws Exception {
        try {
            if (spills != null) {
                for (OutputStream s : spills) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
            if (folder != null) {
                folder.close();
            }
        } finally {
            super.close();
        }
    }
}
