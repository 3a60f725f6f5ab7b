package dev.royalties.jobs.types;

import dev.royalties.rules.Play;

/**
 * A play on its way to the per-user stage: the hash of its user_id (which picks the worker and,
 * there, the spill bucket) and the play itself. The sender holds the {@link Play} and writes it as
 * {@link PlayBytes}; the receiver gets those bytes as they are, and keeps them as they are until the
 * user's turn comes, so a play is built once on each side instead of twice.
 */
public final class UserPlayRecord {
    public final long userHash;
    /** On the sending side; null on the receiving one. */
    public final Play play;
    /** On the receiving side: the play's fields as {@link PlayBytes}; null on the sending one. */
    public final byte[] bytes;

    private UserPlayRecord(long userHash, Play play, byte[] bytes) {
        this.userHash = userHash;
        this.play = play;
        this.bytes = bytes;
    }

    public static UserPlayRecord of(long userHash, Play play) {
        return new UserPlayRecord(userHash, play, null);
    }

    public static UserPlayRecord received(long userHash, byte[] bytes) {
        return new UserPlayRecord(userHash, null, bytes);
    }
}
