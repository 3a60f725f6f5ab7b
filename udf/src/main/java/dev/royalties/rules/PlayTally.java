package dev.royalties.rules;

/**
 * Play counts by status for one (country, product, track): the partial aggregate that parallel
 * workers send to the allocation. Indexed by {@link PlayStatus#ordinal()}. {@code activeEligible}
 * counts the eligible plays the listener chose (artist-centric doubles them); it is a part of
 * {@code byStatus[ELIGIBLE]}, not an addition to it.
 */
public class PlayTally {
    public String country;
    public String product;
    public String trackId;
    public long[] byStatus = new long[PlayStatus.COUNT];
    public long activeEligible;
    /**
     * The track's {@link Catalogue.Credits#index()} when the tally was counted by it (-1: not known,
     * or unmatched). Lets the tally travel without its track_id text and be added up by index; the
     * same catalogue numbers tracks the same way on every worker.
     */
    public transient int trackIndex = -1;

    public PlayTally() {}

    public PlayTally(String country, String product, String trackId) {
        this.country = country;
        this.product = product;
        this.trackId = trackId;
    }

    public long eligible() {
        return byStatus[PlayStatus.ELIGIBLE.ordinal()];
    }
}
