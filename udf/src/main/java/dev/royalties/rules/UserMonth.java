package dev.royalties.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that need all of one user's plays of the period at once (spec §4 step 5, issue 9 §1):
 * the statuses below_threshold, capped and eligible of the plays that passed steps 1 to 4 (their
 * listening is {@link PeriodListening}). One class for the monthly job's per-user stage.
 */
public final class UserMonth {
    private UserMonth() {}

    /** What a settled play became. */
    public interface Settled {
        void play(Play p, PlayStatus status);
    }

    /**
     * Settles one user's qualifying plays: those of tracks below the threshold first, then the cap
     * over the rest ordered by (played_at, play_id). The order is only looked at when the cap can
     * bite, which most users never reach.
     */
    public static void settle(List<Play> qualifying, TrackEligibility eligibility, long cap, Settled out) {
        List<Play> passing = qualifying;
        if (eligibility.belowCount() > 0) { // else every track is eligible: no copy of the list
            passing = new ArrayList<>(qualifying.size());
            for (Play p : qualifying) {
                if (eligibility.eligible(p.trackId)) {
                    passing.add(p);
                } else {
                    out.play(p, PlayStatus.BELOW_THRESHOLD);
                }
            }
        }
        if (cap <= 0 || passing.size() <= cap) {
            for (Play p : passing) {
                out.play(p, PlayStatus.ELIGIBLE);
            }
            return;
        }
        boolean[] within = UserCap.withinCap(passing, (int) cap); // cap < passing.size(), an int
        for (int i = 0; i < passing.size(); i++) {
            out.play(passing.get(i), within[i] ? PlayStatus.ELIGIBLE : PlayStatus.CAPPED);
        }
    }
}
