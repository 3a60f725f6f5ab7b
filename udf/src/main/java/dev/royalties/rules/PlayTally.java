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
