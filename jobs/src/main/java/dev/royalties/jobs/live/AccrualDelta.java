package dev.royalties.jobs.live;

/** +1 or -1 eligible play for one (day, artist, country, product). */
public class AccrualDelta {
    /** UTC day of played_at, as days since 1970-01-01. */
    public int day;
    public String artistId;
    public String country;
    public String product;
    public int delta;

    public AccrualDelta() {}

    public AccrualDelta(int day, String artistId, String country, String product, int delta) {
        this.day = day;
        this.artistId = artistId;
        this.country = country;
        this.product = product;
        this.delta = delta;
    }

    public String key() {
        return day + "|" + artistId + "|" + country + "|" + product;
    }
}
