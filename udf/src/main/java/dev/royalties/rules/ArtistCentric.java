package dev.royalties.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Artist-centric (issue 9 §2, Deezer-style): an artist is professional in the period when its
 * eligible plays (every country and product, shares ignored) reach --professional-streams from at
 * least --professional-listeners distinct users. Their weights count twice ({@link Allocation#weight}).
 */
public final class ArtistCentric {
    private ArtistCentric() {}

    /**
     * @param tallies   every play tally of the period, pooled or not
     * @param listeners distinct users with an eligible play per artist
     */
    public static Set<String> professionals(Collection<PlayTally> tallies, Catalogue catalogue,
                                            Map<String, Long> listeners, Policy policy) {
        Map<String, Long> plays = new HashMap<>();
        for (PlayTally t : tallies) {
            if (t.eligible() > 0) {
                for (String a : catalogue.credits(t.trackId).artists()) {
                    plays.merge(a, t.eligible(), Long::sum);
                }
            }
        }
        Set<String> pro = new HashSet<>();
        plays.forEach((a, n) -> {
            if (n >= policy.professionalStreams() && listeners.getOrDefault(a, 0L) >= policy.professionalListeners()) {
                pro.add(a);
            }
        });
        return pro;
    }
}
