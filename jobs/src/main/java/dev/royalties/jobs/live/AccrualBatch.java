package dev.royalties.jobs.live;

import java.util.Arrays;

/**
 * Rows of live_accruals written together: the counts that changed in one flush of
 * {@link CountAccruals}, in chunks, column by column, as PostgreSQL takes them in one
 * {@code unnest(...)} upsert (see {@link AccrualsJdbc}).
 */
public final class AccrualBatch {
    public int size;
    public int[] days;
    public String[] artistIds;
    public String[] countries;
    public String[] products;
    public long[] eligiblePlays;

    public AccrualBatch() {
        this(0);
    }

    public AccrualBatch(int capacity) {
        days = new int[capacity];
        artistIds = new String[capacity];
        countries = new String[capacity];
        products = new String[capacity];
        eligiblePlays = new long[capacity];
    }

    public void add(AccrualKey k, long count) {
        days[size] = k.day;
        artistIds[size] = k.artistId;
        countries[size] = k.country;
        products[size] = k.product;
        eligiblePlays[size] = count;
        size++;
    }

    public boolean isFull() {
        return size == days.length;
    }

    /** The columns trimmed to size (what the statement binds). */
    public AccrualBatch trimmed() {
        if (size == days.length) {
            return this;
        }
        AccrualBatch b = new AccrualBatch();
        b.size = size;
        b.days = Arrays.copyOf(days, size);
        b.artistIds = Arrays.copyOf(artistIds, size);
        b.countries = Arrays.copyOf(countries, size);
        b.products = Arrays.copyOf(products, size);
        b.eligiblePlays = Arrays.copyOf(eligiblePlays, size);
        return b;
    }
}
