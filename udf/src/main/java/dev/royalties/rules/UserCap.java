package dev.royalties.rules;

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

    /** Sorts the user's candidate plays in place; the first min(cap, n) are eligible, the rest capped. */
    public static int eligibleCount(List<Play> candidates, long cap) {
        candidates.sort(ORDER);
        return cap <= 0 ? candidates.size() : (int) Math.min(cap, candidates.size());
    }
}
