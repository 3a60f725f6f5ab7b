package dev.royalties.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * The recording_usage output (one row per recording of a catalogue pool with at least one play):
 * plays by status and the part of the pool's allocated amount that the recording earned. The
 * allocated amount is split over the pool's recordings with the largest remainder method (ties by
 * track_id), so a pool's recordings always add up to its allocated_amount, i.e. to the sum of its
 * artist_payments: a usage report built on these rows reconciles to the cent.
 *
 * <p>The weights are an input: each payment model knows its own recording weights; pro-rata's
 * ({@link #proRataWeights}) are the recording's eligible plays, which {@link #forPool(PoolReconciliation,
 * Collection, Catalogue)} reads off the counts it adds up anyway.
 */
public final class RecordingUsage {
    private RecordingUsage() {}

    /**
     * track_id order (code points). Catalogue indexes number the tracks in that same order, so two
     * tallies that both have one compare by it without reading their strings: the tallies come in
     * nearly sorted, and comparing neighbours' strings was most of the sort (async-profiler).
     */
    private static final Comparator<PlayTally> TRACK_ORDER = (a, b) -> a.trackIndex >= 0 && b.trackIndex >= 0
            ? Integer.compare(a.trackIndex, b.trackIndex) : CodePoints.ORDER.compare(a.trackId, b.trackId);

    /** One recording_usage row; isrc is null for a track not in the catalogue. */
    public record Row(String isrc, String trackId, String country, String product, String currency,
                      long eligibleStreams, long fraudStreams, long shortStreams, long unmatchedStreams,
                      long aiGeneratedStreams, long belowThresholdStreams, long cappedStreams, long amountCents) {}

    /** Pro-rata: a recording weighs its eligible plays (its artists' shares sum to 1). */
    public static Map<String, Long> proRataWeights(Collection<PlayTally> tallies) {
        Map<String, Long> w = new HashMap<>();
        for (PlayTally t : tallies) {
            long eligible = t.byStatus[PlayStatus.ELIGIBLE.ordinal()];
            if (eligible > 0) {
                w.merge(t.trackId, eligible, Long::sum);
            }
        }
        return w;
    }

    /**
     * The rows of one catalogue pool, sorted by track_id (code points).
     *
     * @param pool the pool's reconciliation row (its country, product, currency and allocated amount)
     * @param tallies the pool's plays by (track, status)
     * @param weights each recording's weight in the pool's split; a missing track weighs 0
     * @param catalogue for the ISRC
     */
    public static List<Row> forPool(PoolReconciliation pool, Collection<PlayTally> tallies,
                                    Map<String, Long> weights, Catalogue catalogue) {
        return forPool(pool, tallies, (track, counts) -> weights.getOrDefault(track, 0L), catalogue);
    }

    /**
     * The rows of one catalogue pool weighed pro-rata: the same as with {@link #proRataWeights}, without
     * a map of the pool's tracks built and looked up (it runs over every recording of every pool, in
     * the allocation's serial tail).
     */
    public static List<Row> forPool(PoolReconciliation pool, Collection<PlayTally> tallies, Catalogue catalogue) {
        return forPool(pool, tallies, (track, counts) -> counts[PlayStatus.ELIGIBLE.ordinal()], catalogue);
    }

    private static List<Row> forPool(PoolReconciliation pool, Collection<PlayTally> tallies,
                                     ToLongBiFunction<String, long[]> weight, Catalogue catalogue) {
        // Sorted once and merged in place: a TreeMap per pool was most of the allocation's serial tail.
        List<PlayTally> sorted = inTrackOrder(tallies);
        List<PlayTally> firsts = new ArrayList<>(sorted.size()); // each track's first tally
        List<long[]> counts = new ArrayList<>(sorted.size());
        for (PlayTally t : sorted) {
            boolean same = !firsts.isEmpty() && sameTrack(firsts.get(firsts.size() - 1), t);
            long[] into = same ? counts.get(counts.size() - 1) : new long[PlayStatus.COUNT];
            for (int s = 0; s < into.length; s++) {
                into[s] += t.byStatus[s];
            }
            if (!same) {
                firsts.add(t);
                counts.add(into);
            }
        }
        // Tracks with no play at all are left out.
        List<PlayTally> played = new ArrayList<>(firsts.size());
        List<long[]> playedCounts = new ArrayList<>(firsts.size());
        for (int i = 0; i < firsts.size(); i++) {
            if (plays(counts.get(i)) != 0) {
                played.add(firsts.get(i));
                playedCounts.add(counts.get(i));
            }
        }
        String[] tracks = new String[played.size()];
        for (int i = 0; i < tracks.length; i++) {
            tracks[i] = played.get(i).trackId;
        }
        long[] w = new long[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            w[i] = weight.applyAsLong(tracks[i], playedCounts.get(i));
        }
        LargestRemainder.Split split = LargestRemainder.split(pool.allocatedCents(), w, 0);
        if (split.heldCents() != 0) {
            throw new IllegalStateException("pool " + pool.country() + "/" + pool.product() + " allocated "
                    + Money.format(pool.allocatedCents()) + " but none of its recordings has a weight");
        }
        List<Row> rows = new ArrayList<>(tracks.length);
        for (int i = 0; i < tracks.length; i++) {
            long[] c = playedCounts.get(i);
            int index = played.get(i).trackIndex;
            String isrc = index >= 0 ? catalogue.isrcAt(index) : catalogue.isrc(tracks[i]);
            rows.add(new Row(isrc, tracks[i], pool.country(), pool.product(), pool.currency(),
                    c[PlayStatus.ELIGIBLE.ordinal()], c[PlayStatus.FRAUD.ordinal()], c[PlayStatus.SHORT.ordinal()],
                    c[PlayStatus.UNMATCHED.ordinal()], c[PlayStatus.AI_GENERATED.ordinal()], belowThreshold(c),
                    c[PlayStatus.CAPPED.ordinal()], split.artistCents()[i]));
        }
        return rows;
    }

    /**
     * The tallies in {@link #TRACK_ORDER}, as a stable sort gives them. A ledger hands out a pool's
     * catalogue tracks in index order and the others after them, so the catalogue's are sorted by a
     * primitive key (a check when they already are) and merged with the few others: a sort with the
     * comparator made C2 compile the JDK's merge sort again for this kind of list (five times a run
     * with its other users, JFR, issue 10).
     */
    static List<PlayTally> inTrackOrder(Collection<PlayTally> tallies) {
        List<PlayTally> indexed = new ArrayList<>(tallies.size());
        List<PlayTally> others = new ArrayList<>();
        boolean ascending = true;
        for (PlayTally t : tallies) {
            if (t.trackIndex >= 0) {
                ascending &= indexed.isEmpty() || indexed.get(indexed.size() - 1).trackIndex <= t.trackIndex;
                indexed.add(t);
            } else {
                others.add(t);
            }
        }
        if (!ascending) {
            long[] keys = new long[indexed.size()]; // index, then position: ties keep their order
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (long) indexed.get(i).trackIndex << 32 | i;
            }
            java.util.Arrays.sort(keys);
            List<PlayTally> byIndex = new ArrayList<>(keys.length);
            for (long k : keys) {
                byIndex.add(indexed.get((int) k));
            }
            indexed = byIndex;
        }
        if (others.isEmpty()) {
            return indexed;
        }
        others.sort(TRACK_ORDER);
        List<PlayTally> merged = new ArrayList<>(tallies.size());
        int i = 0;
        int j = 0;
        while (i < indexed.size() || j < others.size()) {
            // A tie (one track's tallies on both sides) is summed into one row whichever comes first.
            if (j == others.size() || i < indexed.size() && TRACK_ORDER.compare(indexed.get(i), others.get(j)) <= 0) {
                merged.add(indexed.get(i++));
            } else {
                merged.add(others.get(j++));
            }
        }
        return merged;
    }

    private static boolean sameTrack(PlayTally a, PlayTally b) {
        return a.trackIndex >= 0 && b.trackIndex >= 0 ? a.trackIndex == b.trackIndex : a.trackId.equals(b.trackId);
    }

    /** A loop, not a stream: it runs once per track of every pool, in the allocation's tail. */
    private static long plays(long[] byStatus) {
        long n = 0;
        for (long c : byStatus) {
            n += c;
        }
        return n;
    }

    /** Plays of a track below the threshold across months (issue 9). */
    private static long belowThreshold(long[] byStatus) {
        return byStatus[PlayStatus.BELOW_THRESHOLD.ordinal()];
    }
}
