package dev.royalties.jobs.types;

import dev.royalties.rules.Play;

/**
 * A play on its way to the per-user stage: the hash of its user_id (which picks the worker and,
 * there, the spill bucket) and the play itself. The sender holds the {@link Play} and writes it as
 * {@link PlayBytes}, or holds those bytes already when the reader wrote them straight from the
 * file's columns. It goes from the reader to the packer that puts it into a {@link UserPlayBlock}
 * (chained, no copy); the worker keeps the block's bytes as they are until the user's turn comes,
 * so a play is built once on each side at most. Its serializer serves where a job is run unchained.
 */
public final class UserPlayRecord {
    public final long userHash;
    /** The hash of play_id, for the cross-user check; on the sending side only. */
    public final long playHash;
    /** On the sending side, for a play the reader built as an object; null otherwise. */
    public final Play play;
    /** The play's fields as {@link PlayBytes}: on the receiving side, and from a columnar reader. */
    public final byte[] bytes;

    private UserPlayRecord(long userHash, long playHash, Play play, byte[] bytes) {
        this.userHash = userHash;
        this.playHash = playHash;
        this.play = play;
        this.bytes = bytes;
    }

    /** A valid play, to send. */
    public static UserPlayRecord of(long userHash, long playHash, Play play) {
        return new UserPlayRecord(userHash, playHash, play, null);
    }

    /** A row as read, not validated yet: no hashes until it is. */
    public static UserPlayRecord unchecked(Play play) {
        return new UserPlayRecord(0, 0, play, null);
    }

    /** A valid play that a reader wrote as {@link PlayBytes} straight from the file's values, to send. */
    public static UserPlayRecord written(long userHash, long playHash, byte[] bytes) {
        return new UserPlayRecord(userHash, playHash, null, bytes);
    }

    public static UserPlayRecord received(long userHash, byte[] bytes) {
        return new UserPlayRecord(userHash, 0, null, bytes);
    }
}
