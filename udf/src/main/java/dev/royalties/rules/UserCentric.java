package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * User-centric payment (issue 9 §3): within a catalogue pool every user with an eligible play gets
 * an equal part, split over the users by the largest remainder method (ties by user_id); each part
 * is then split over the artists by that user's eligible plays × share, the user's unmatched plays
 * being the held bucket, again by the largest remainder method.
 */
public final class UserCentric {
    private static final long ONE = 1_000_000L;

    private UserCentric() {}

    /**
     * The equal parts of one pool. With A cents over U users every remainder is the same, so the
     * A mod U cents left over go to the first users in user_id order: those up to {@code lastWithExtra}.
     */
    public record Parts(long base, long extra, String lastWithExtra) implements Serializable {
        public long of(String userId) {
            return extra > 0 && CodePoints.ORDER.compare(userId, lastWithExtra) <= 0 ? base + 1 : base;
        }
    }

    /** The parts of a pool of {@code amountCents} over distinct users (any order); null when there are none. */
    public static Parts parts(long amountCents, Collection<String> users) {
        if (users.isEmpty()) {
            return null;
        }
        long u = users.size();
        long extra = amountCents % u;
        String last = null;
        if (extra > 0) {
            List<String> sorted = new ArrayList<>(users);
            sorted.sort(CodePoints.ORDER);
            last = sorted.get((int) extra - 1);
        }
        return new Parts(amountCents / u, extra, last);
    }

    /** What one user's part pays: cents per artist (artist_id order) and the cents held. */
    public record UserSplit(Map<String, Long> artistCents, long heldCents) {}

    /** Splits one user's part over the artists of the user's eligible plays in the pool. */
    public static UserSplit split(long partCents, UserPoolPlays plays, Catalogue catalogue) {
        TreeMap<String, Long> weights = new TreeMap<>(CodePoints.ORDER);
        for (int i = 0; i < plays.trackIds.length; i++) {
            Catalogue.Credits c = catalogue.credits(plays.trackIds[i]);
            for (int a = 0; a < c.artists().length; a++) {
                weights.merge(c.artists()[a], Math.multiplyExact(plays.eligible[i], c.shareMicros()[a]), Math::addExact);
            }
        }
        long[] w = new long[weights.size()];
        int i = 0;
        for (long x : weights.values()) {
            w[i++] = x;
        }
        LargestRemainder.Split s = LargestRemainder.split(partCents, w, Math.multiplyExact(plays.unmatched, ONE));
        TreeMap<String, Long> cents = new TreeMap<>(CodePoints.ORDER);
        i = 0;
        for (String artist : weights.keySet()) {
            cents.put(artist, s.artistCents()[i++]);
        }
        return new UserSplit(cents, s.heldCents());
    }
}
