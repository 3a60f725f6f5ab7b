package dev.royalties.jobs.live;

/** One row of live_accruals: the eligible plays so far of (day, artist, country, product). */
public class Accrual {
    public int day;
    public String artistId;
    public String country;
    public String product;
    public long eligiblePlays;

    public Accrual() {}

    public Accrual(int day, String artistId, String country, String product, long eligiblePlays) {
        this.day = day;
        this.artistId = artistId;
        this.country = country;
        this.product = product;
        this.eligiblePlays = eligiblePlays;
    }

    @Override
    public String toString() {
        return java.time.LocalDate.ofEpochDay(day) + " " + artistId + " " + country + " " + product + " = "
                + eligiblePlays;
    }
}
