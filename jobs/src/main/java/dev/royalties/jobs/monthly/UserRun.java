package dev.royalties.jobs.monthly;

import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the consecutive plays of one user. In BATCH mode a keyed input arrives sorted by key, so
 * a user's plays come together; a forward edge from such an operator keeps that order. A plain
 * list per user is cheaper than keyed state and needs no timers.
 */
final class UserRun {
    interface OnUser {
        void accept(String userId, List<Play> plays) throws Exception;
    }

    private final List<Play> plays = new ArrayList<>();
    private String user;

    void add(Play p, OnUser done) throws Exception {
        if (user != null && !user.equals(p.userId)) {
            flush(done);
        }
        user = p.userId;
        plays.add(p);
    }

    /** Hands over the last user, if any; the list is reused afterwards. */
    void flush(OnUser done) throws Exception {
        if (user != null) {
            done.accept(user, plays);
            plays.clear();
            user = null;
        }
    }
}
