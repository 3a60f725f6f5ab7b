package dev.royalties.jobs.types;

/**
 * Plays of many users on their way to the per-user stage, packed by the sender: every play in a
 * block goes to the same worker ({@link #route}) and, there, to the same spill bucket
 * ({@link #bucket}), so the receiver appends the block to its bucket as it came, with one copy,
 * instead of taking each play off the network and copying it on by itself. The bytes are what the
 * bucket holds: the plays end to end, each as {@link PlayBytes} (a length, the fields). The hash of
 * user_id that chose the worker and the bucket does not travel: the receiver hashes the user_id's
 * bytes again, which costs less than 8 more bytes a play compressed, sent, spilled and read back.
 */
public final class UserPlayBlock {
    /** The worker, modulo the receivers' parallelism. */
    public final int route;
    public final int bucket;
    /** Plays in the block. */
    public final int count;
    /**
     * The plays, from 0 to {@link #length}; on the sending side the packer's buffer, valid during
     * the call only.
     */
    public final byte[] bytes;
    public final int length;

    public UserPlayBlock(int route, int bucket, int count, byte[] bytes, int length) {
        this.route = route;
        this.bucket = bucket;
        this.count = count;
        this.bytes = bytes;
        this.length = length;
    }
}
