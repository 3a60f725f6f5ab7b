package dev.royalties.rules;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Track eligibility across months (issue 9 §1, Spotify-style): a track is eligible in period P when
 * its qualifying streams over P and the 11 periods before it reach {@code minTrackStreams} and its
 * listeners in P reach {@code minTrackListeners}. Plays of other tracks become below_threshold.
 */
public final class TrackEligibility implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final TrackEligibility ALL = new TrackEligibility(Set.of());

    private final Set<String> below;

    private TrackEligibility(Set<String> below) {
        this.below = below;
    }

    /**
     * @param historyStreams qualifying streams per track over the 11 periods before P (missing periods count 0)
     * @param period         the period's listening per track
     */
    public static TrackEligibility decide(Policy policy, Map<String, Long> historyStreams,
                                          Collection<TrackListening> period) {
        if (!policy.thresholdOn()) {
            return ALL;
        }
        Set<String> below = new HashSet<>();
        for (TrackListening t : period) {
            long streams = Math.addExact(historyStreams.getOrDefault(t.trackId, 0L), t.streams);
            if (streams < policy.minTrackStreams() || t.listeners < policy.minTrackListeners()) {
                below.add(t.trackId);
            }
        }
        return new TrackEligibility(below);
    }

    public boolean eligible(String trackId) {
        return !below.contains(trackId);
    }

    public int belowCount() {
        return below.size();
    }
}
