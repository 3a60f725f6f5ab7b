package dev.royalties.jobs.live;

/** +1 or -1 eligible play (or a sum of them) for one (day, artist, country, product). */
public class AccrualDelta {
    public AccrualKey key;
    public int delta;

    public AccrualDelta() {}

    public AccrualDelta(AccrualKey key, int delta) {
        this.key = key;
        this.delta = delta;
    }

    public AccrualDelta(int day, String artistId, String country, String product, int delta) {
        this(new AccrualKey(day, artistId, country, product), delta);
    }

    public AccrualKey key() {
        return key;
    }
}
