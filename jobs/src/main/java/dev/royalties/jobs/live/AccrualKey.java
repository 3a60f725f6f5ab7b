package dev.royalties.jobs.live;

import java.util.Objects;

/**
 * What a live count is kept for: (UTC day of played_at, artist, country, product), the primary key
 * of live_accruals. Immutable; the key of the counting operator and of its pre-aggregation map.
 * hashCode is spelled out because Flink assigns key groups by it: it must be the same in every JVM
 * that restores a savepoint.
 */
public final class AccrualKey {
    /** UTC day of played_at, as days since 1970-01-01. */
    public final int day;
    public final String artistId;
    public final String country;
    public final String product;
    private final int hash;

    public AccrualKey(int day, String artistId, String country, String product) {
        this.day = day;
        this.artistId = artistId;
        this.country = country;
        this.product = product;
        this.hash = ((day * 31 + Objects.hashCode(artistId)) * 31 + Objects.hashCode(country)) * 31
                + Objects.hashCode(product);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AccrualKey k && hash == k.hash && day == k.day
                && Objects.equals(artistId, k.artistId) && Objects.equals(country, k.country)
                && Objects.equals(product, k.product));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return java.time.LocalDate.ofEpochDay(day) + "|" + artistId + "|" + country + "|" + product;
    }
}
