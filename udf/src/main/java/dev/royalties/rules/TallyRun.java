package dev.royalties.rules;

/**
 * Play counts of one pool's catalogue tracks, side by side by track index: what a worker's ledger
 * sends to the allocation in place of a {@link PlayTally} per (pool, track). A month's two million
 * tally objects a worker were made from the dense pages, sent one by one and made again on the
 * allocation's single thread before being added to its pages (async-profiler, issue 10); a run is
 * two arrays, read straight out of the pages and added straight into them.
 */
public final class TallyRun {
    /**
     * Longs per track: its counts by {@link PlayStatus#ordinal()}, then its active eligible plays;
     * the dense pages' layout, so that a track's counts are copied out of a page and into one as is.
     */
    public static final int STRIDE = DenseTallies.STRIDE;

    public final String country;
    public final String product;
    /** Track indexes ({@link Catalogue.Credits#index()}), ascending. */
    public final int[] indexes;
    /** {@link #STRIDE} longs per track, in the order of {@link #indexes}. */
    public final long[] counts;
    public int size;

    public TallyRun(String country, String product, int capacity) {
        this.country = country;
        this.product = product;
        this.indexes = new int[capacity];
        this.counts = new long[capacity * STRIDE];
    }

    /** Adds a track's counts, copied from {@code from} at {@code at} ({@link #STRIDE} longs). */
    public void add(int index, long[] from, int at) {
        indexes[size] = index;
        System.arraycopy(from, at, counts, size * STRIDE, STRIDE);
        size++;
    }

    /** Adds a tally's counts. */
    void add(PlayTally t) {
        indexes[size] = t.trackIndex;
        int at = size * STRIDE;
        System.arraycopy(t.byStatus, 0, counts, at, PlayStatus.COUNT);
        counts[at + PlayStatus.COUNT] = t.activeEligible;
        size++;
    }

    public boolean full() {
        return size == indexes.length;
    }
}
