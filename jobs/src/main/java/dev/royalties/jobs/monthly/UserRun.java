package dev.royalties.jobs.monthly;

import dev.royalties.rules.CodePoints;
import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Gathers the consecutive plays of one user, where they arrive together: over the forward edge from
 * {@link GroupUserPlays}, which hands each user's plays on at once, or behind a keyed input, which
 * BATCH mode sorts by key. A plain list per user is cheaper than keyed state and needs no timers.
 *
 * <p>The key may be the 64-bit hash of user_id alone ({@link ShuffleKeys#hash}): then two users whose
 * ids share a hash arrive as one run, in any interleaving. Such a run is split by user_id, in code
 * point order, before it is handed over, so a collision costs time, never a wrong cap.
 */
final class UserRun {
    interface OnUser {
        void accept(String userId, List<Play> plays) throws Exception;
    }

    private final ToLongFunction<String> hashOf;
    private final List<Play> plays = new ArrayList<>();
    private String user;
    private long hash;
    private boolean mixed;

    UserRun() {
        this(ShuffleKeys::hash);
    }

    /** @param hashOf the hash the plays were keyed by (tests make ids collide with it) */
    UserRun(ToLongFunction<String> hashOf) {
        this.hashOf = hashOf;
    }

    void add(Play p, OnUser done) throws Exception {
        add(p, user != null && user.equals(p.userId) ? hash : hashOf.applyAsLong(p.userId), done);
    }

    /** The same, for a caller that already has the play's key (what the hash gives for its user_id). */
    void add(Play p, long key, OnUser done) throws Exception {
        if (user == null) {
            user = p.userId;
            hash = key;
        } else if (!user.equals(p.userId)) {
            if (key == hash) {
                mixed = true;
            } else {
                flush(done);
                user = p.userId;
                hash = key;
            }
        }
        plays.add(p);
    }

    /** Hands over the last user (or users sharing a hash), if any; the list is reused afterwards. */
    void flush(OnUser done) throws Exception {
        if (user == null) {
            return;
        }
        if (mixed) {
            Map<String, List<Play>> byUser = new TreeMap<>(CodePoints.ORDER);
            for (Play p : plays) {
                byUser.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<Play>> e : byUser.entrySet()) {
                done.accept(e.getKey(), e.getValue());
            }
        } else {
            done.accept(user, plays);
        }
        plays.clear();
        user = null;
        mixed = false;
    }
}
