package dev.royalties.rules;

/**
 * One track's listening in a period (issue 9, track_history): its qualifying streams (de-duplicated
 * plays that passed fraud, short, unmatched and ai_generated, counted before the cap) and its
 * listeners (distinct users among those plays). Workers add up disjoint sets of users, so the
 * sums are exact.
 */
public class TrackListening {
    public String trackId;
    public long streams;
    public long listeners;
    /**
     * Which user last listened, while a worker counts a track outside the catalogue ({@link
     * PeriodListening}); never serialized.
     */
    transient long lastListener;

    public TrackListening() {}

    public TrackListening(String trackId, long streams, long listeners) {
        this.trackId = trackId;
        this.streams = streams;
        this.listeners = listeners;
    }
}
