package dev.royalties.rules;

/**
 * Cents of one catalogue pool paid by user-centric parts: to an artist, or to the held bucket
 * when {@code artistId} is null. Workers sum disjoint users' parts; the allocation adds them up.
 */
public class PoolCents {
    public String country;
    public String product;
    public String artistId;
    public long cents;

    public PoolCents() {}

    public PoolCents(String country, String product, String artistId, long cents) {
        this.country = country;
        this.product = product;
        this.artistId = artistId;
        this.cents = cents;
    }
}
