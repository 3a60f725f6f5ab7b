package dev.royalties.jobs.monthly;

/** A user with at least one eligible play in a catalogue pool: what user-centric counts to share the pool. */
public class PoolUser {
    public String country;
    public String product;
    public String userId;

    public PoolUser() {}

    PoolUser(String country, String product, String userId) {
        this.country = country;
        this.product = product;
        this.userId = userId;
    }
}
