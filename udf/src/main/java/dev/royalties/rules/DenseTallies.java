package dev.royalties.rules;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One pool's play counts of catalogue tracks, as primitive longs in pages addressed by track index
 * ({@link Catalogue.Credits#index()}): a track's counts by status and its active eligible plays are
 * eight adjacent longs, one cache line. A tally object per (pool, track) cost the per-user stage a
 * page slot, the object and its array, three cache misses a play in an order that is random in
 * track order (async-profiler, docs/performance.md). A bit per track says which tracks were counted.
 *
 * <p>Pages are given out by {@link CatalogueLedger} within a memory budget; a page it refuses is
 * marked {@link #SPARSE}, and the ledger keeps that page's tracks as tally objects instead.
 */
final class DenseTallies {
    static final int PAGE_BITS = 12;
    static final int PAGE = 1 << PAGE_BITS;
    static final int MASK = PAGE - 1;
    /** Where a track's active eligible plays are counted, after its counts by status. */
    static final int ACTIVE = PlayStatus.COUNT;
    static final int STRIDE = PlayStatus.COUNT + 1;
    static final long PAGE_BYTES = (long) PAGE * STRIDE * Long.BYTES + PAGE / Byte.SIZE;
    /** The page of tracks kept as tally objects: the budget was spent when the page was first needed. */
    static final long[] SPARSE = new long[0];

    private long[][] counts = new long[0][];
    private long[][] counted = new long[0][];
    /** Each dense page's number among its ledger's pages ({@link CatalogueLedger}'s held-back counts). */
    private int[] numbers = new int[0];

    /** The page that holds a track's counts: null when not given out yet, or {@link #SPARSE}. */
    long[] page(int index) {
        int p = index >>> PAGE_BITS;
        return p < counts.length ? counts[p] : null;
    }

    /** Gives out the page of a track: a dense one, or {@link #SPARSE} when {@code dense} is false. */
    long[] open(int index, boolean dense) {
        int p = index >>> PAGE_BITS;
        if (p >= counts.length) {
            int n = Math.max(p + 1, counts.length * 2);
            counts = Arrays.copyOf(counts, n);
            counted = Arrays.copyOf(counted, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        counts[p] = dense ? new long[PAGE * STRIDE] : SPARSE;
        counted[p] = dense ? new long[PAGE / Long.SIZE] : null;
        return counts[p];
    }

    /** Numbers the dense page of a track, given out by {@link #open}. */
    void number(int index, int number) {
        numbers[index >>> PAGE_BITS] = number;
    }

    /** The number of a track's dense page. */
    int number(int index) {
        return numbers[index >>> PAGE_BITS];
    }

    /** Which tracks of a track's dense page were counted, a bit each (by {@link #MASK} of the index). */
    long[] countedBits(int index) {
        return counted[index >>> PAGE_BITS];
    }

    /** Adds to a track's counts in its dense page (from {@link #page}). */
    void add(long[] page, int index, int status, long n, long active) {
        int at = (index & MASK) * STRIDE;
        page[at + status] += n;
        page[at + ACTIVE] += active;
        markCounted(index);
    }

    /**
     * Adds a tally's counts by status (from {@code byStatus[from]}: a tally's array, or a run's in
     * this layout) and its active eligible plays to a track's in its dense page.
     */
    void addAll(long[] page, int index, long[] byStatus, int from, long active) {
        int at = (index & MASK) * STRIDE;
        for (int s = 0; s < PlayStatus.COUNT; s++) {
            page[at + s] += byStatus[from + s];
        }
        page[at + ACTIVE] += active;
        markCounted(index);
    }

    private void markCounted(int index) {
        int slot = index & MASK;
        counted[index >>> PAGE_BITS][slot >>> 6] |= 1L << slot;
    }

    /** Adds the counts by status of every track of the dense pages to {@code all}. */
    void addCountsTo(long[] all) {
        for (long[] page : counts) {
            if (page == null || page == SPARSE) {
                continue;
            }
            for (int at = 0; at < page.length; at += STRIDE) {
                for (int s = 0; s < PlayStatus.COUNT; s++) {
                    all[s] += page[at + s];
                }
            }
        }
    }

    /** A counted track of a dense page: its index, and its page with where its counts start. */
    interface CountedTrack {
        void accept(int index, long[] page, int at);
    }

    /** Every counted track of the dense pages, in index order. */
    void forEachCounted(CountedTrack action) {
        for (int p = 0; p < counts.length; p++) {
            long[] page = counts[p];
            if (page == null || page == SPARSE) {
                continue;
            }
            long[] bits = counted[p];
            for (int w = 0; w < bits.length; w++) {
                for (long word = bits[w]; word != 0; word &= word - 1) {
                    int slot = w * Long.SIZE + Long.numberOfTrailingZeros(word);
                    action.accept((p << PAGE_BITS) | slot, page, slot * STRIDE);
                }
            }
        }
    }

    /** Every counted track of the dense pages, in index order, as a new tally. */
    void forEach(String country, String product, Catalogue catalogue, Consumer<PlayTally> action) {
        forEachCounted((index, page, at) -> {
            PlayTally t = new PlayTally(country, product, catalogue.trackIdAt(index));
            t.trackIndex = index;
            t.byStatus = Arrays.copyOfRange(page, at, at + PlayStatus.COUNT);
            t.activeEligible = page[at + ACTIVE];
            action.accept(t);
        });
    }
}
