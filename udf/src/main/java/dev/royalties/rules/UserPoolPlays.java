package dev.royalties.rules;

/**
 * One user's plays in one catalogue pool, as user-centric needs them (issue 9 §3): eligible plays
 * per track and the unmatched plays (the user's held bucket). Operational data: it carries the
 * user_id and never leaves the job.
 */
public class UserPoolPlays {
    public String userId;
    public String country;
    public String product;
    public String[] trackIds;
    public long[] eligible;
    public long unmatched;

    public UserPoolPlays() {}

    public UserPoolPlays(String userId, String country, String product, String[] trackIds, long[] eligible,
                         long unmatched) {
        this.userId = userId;
        this.country = country;
        this.product = product;
        this.trackIds = trackIds;
        this.eligible = eligible;
        this.unmatched = unmatched;
    }

    public boolean hasEligible() {
        return trackIds.length > 0;
    }
}
