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
        List<PlayTally> sorted = new ArrayList<>(tallies);
        sorted.sort(Comparator.comparing((PlayTally t) -> t.trackId, CodePoints.ORDER));
        List<String> trackIds = new ArrayList<>(sorted.size());
        List<long[]> counts = new ArrayList<>(sorted.size());
        for (PlayTally t : sorted) {
            boolean same = !trackIds.isEmpty() && trackIds.get(trackIds.size() - 1).equals(t.trackId);
            long[] into = same ? counts.get(counts.size() - 1) : new long[PlayStatus.COUNT];
            for (int s = 0; s < into.length; s++) {
                into[s] += t.byStatus[s];
            }
            if (!same) {
                trackIds.add(t.trackId);
                counts.add(into);
            }
        }
        // Tracks with no play at all are left out.
        List<String> played = new ArrayList<>(trackIds.size());
        List<long[]> playedCounts = new ArrayList<>(trackIds.size());
        for (int i = 0; i < trackIds.size(); i++) {
            if (plays(counts.get(i)) != 0) {
                played.add(trackIds.get(i));
                playedCounts.add(counts.get(i));
            }
        }
        String[] tracks = played.toArray(new String[0]);
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
            rows.add(new Row(catalogue.isrc(tracks[i]), tracks[i], pool.country(), pool.product(), pool.currency(),
                    c[PlayStatus.ELIGIBLE.ordinal()], c[PlayStatus.FRAUD.ordinal()], c[PlayStatus.SHORT.ordinal()],
                    c[PlayStatus.UNMATCHED.ordinal()], c[PlayStatus.AI_GENERATED.ordinal()], belowThreshold(c),
                    c[PlayStatus.CAPPED.ordinal()], split.artistCents()[i]));
        }
        return rows;
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
