package dev.royalties.jobs.monthly;

import java.util.function.Consumer;

/**
 * Turns plays into (hash of play_id, hash of user_id) pairs for {@link CrossUserDuplicates}, packed
 * in blocks of one bucket each (the play hash's top byte), so the check costs one network record
 * per {@value #PAIRS} plays instead of one per play. A block is {@code [bucket, p1, u1, p2, u2, ...]}.
 * Fed by {@link ValidateAndPackPlays} with each valid play's hashes as it reads them.
 */
final class PlayFingerprints {
    static final int BUCKETS = 256;
    static final int PAIRS = 512;

    private final Consumer<long[]> out;
    private final long[][] blocks = new long[BUCKETS][];
    private final int[] filled = new int[BUCKETS];

    /** @param out takes each full block; it must be done with it when it returns (the block is filled again) */
    PlayFingerprints(Consumer<long[]> out) {
        this.out = out;
    }

    static int bucket(long playHash) {
        return (int) (playHash >>> 56);
    }

    void add(long play, long user) {
        int b = bucket(play);
        long[] block = blocks[b];
        if (block == null) {
            block = new long[1 + 2 * PAIRS];
            block[0] = b;
            blocks[b] = block;
        }
        int at = 1 + 2 * filled[b];
        block[at] = play;
        block[at + 1] = user;
        if (++filled[b] == PAIRS) {
            // Filled again afterwards: a block leaves serialized during emit, and a new array per
            // 512 plays was 320 MB of a 20 M month to allocate and clear.
            out.accept(block);
            filled[b] = 0;
        }
    }

    /** Hands on every block that holds a pair, each cut to its pairs. */
    void flush() {
        for (int b = 0; b < BUCKETS; b++) {
            if (filled[b] > 0) {
                out.accept(java.util.Arrays.copyOf(blocks[b], 1 + 2 * filled[b]));
                filled[b] = 0;
            }
        }
    }
}
