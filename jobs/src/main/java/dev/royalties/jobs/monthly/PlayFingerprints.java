package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayRecord;

/**
 * Turns plays into (hash of play_id, hash of user_id) pairs for {@link CrossUserDuplicates}, packed
 * in blocks of one bucket each (the play hash's top byte), so the check costs one network record
 * per {@value #PAIRS} plays instead of one per play. A block is {@code [bucket, p1, u1, p2, u2, ...]}.
 * Chained to the reader, so it gets each record as sent, with the hash of its play_id.
 */
final class PlayFingerprints extends EndOfInputOperator<UserPlayRecord, long[]> {
    private static final long serialVersionUID = 1L;
    static final int BUCKETS = 256;
    static final int PAIRS = 512;

    private transient long[][] blocks;
    private transient int[] filled;

    static int bucket(long playHash) {
        return (int) (playHash >>> 56);
    }

    @Override
    public void open() throws Exception {
        super.open();
        blocks = new long[BUCKETS][];
        filled = new int[BUCKETS];
    }

    @Override
    protected void onElement(UserPlayRecord r) {
        long play = r.playHash;
        int b = bucket(play);
        long[] block = blocks[b];
        if (block == null) {
            block = new long[1 + 2 * PAIRS];
            block[0] = b;
            blocks[b] = block;
        }
        int at = 1 + 2 * filled[b];
        block[at] = play;
        block[at + 1] = r.userHash;
        if (++filled[b] == PAIRS) {
            // Filled again afterwards: a block leaves serialized (or copied, by a chained consumer)
            // during emit, and a new array per 512 plays was 320 MB of a 20 M month to allocate and clear.
            emit(block);
            filled[b] = 0;
        }
    }

    @Override
    protected void onEnd() {
        for (int b = 0; b < BUCKETS; b++) {
            if (filled[b] > 0) {
                emit(java.util.Arrays.copyOf(blocks[b], 1 + 2 * filled[b]));
            }
        }
    }
}
