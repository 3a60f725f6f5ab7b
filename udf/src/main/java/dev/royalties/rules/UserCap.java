package dev.royalties.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Step 5 of spec §4: of one user's plays that passed steps 1 to 4 in the period, ordered by
 * (played_at, play_id), those beyond the first `cap` are capped. Fraud, short, unmatched and
 * AI-generated plays never reach this rule, so they never consume the cap.
 */
public final class UserCap {
    public static final Comparator<Play> ORDER = Comparator
            .comparingLong((Play p) -> p.playedAt)
            .thenComparing(p -> p.playId, CodePoints.ORDER);

    private UserCap() {}

    /**
     * Which of the user's candidate plays are among the first {@code cap} in {@link #ORDER}, without
     * sorting the plays: the cap-th smallest played_at by a sort of the played_at values alone, and
     * play_id only among the plays at that instant. The same plays as {@link #eligibleCount}'s first
     * ones; sorting the plays with {@link #ORDER} was 5 % of the per-user stage (issue 10), for users
     * whose plays are already past the cap (cap at least 1, fewer than the plays).
     */
    public static boolean[] withinCap(List<Play> candidates, int cap) {
        int n = candidates.size();
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = candidates.get(i).playedAt;
        }
        long[] sorted = at.clone();
        Arrays.sort(sorted);
        long last = sorted[cap - 1];
        boolean[] within = new boolean[n];
        List<Integer> ties = new ArrayList<>(); // at the cap's instant: at least one, and room for one
        int room = cap;
        for (int i = 0; i < n; i++) {
            if (at[i] < last) {
                within[i] = true;
                room--;
            } else if (at[i] == last) {
                ties.add(i);
            }
        }
        if (ties.size() > room) { // one instant: ORDER falls to play_id
            ties.sort((i, j) -> ORDER.compare(candidates.get(i), candidates.get(j)));
        }
        for (int k = 0; k < room; k++) {
            within[ties.get(k)] = true;
        }
        return within;
    }

    /** Sorts the user's candidate plays in place; the first min(cap, n) are eligible, the rest capped. */
    public static int eligibleCount(List<Play> candidates, long cap) {
        candidates.sort(ORDER);
        return cap <= 0 ? candidates.size() : (int) Math.min(cap, candidates.size());
    }
}
