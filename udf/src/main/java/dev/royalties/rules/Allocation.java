package dev.royalties.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the merged tallies of a period into money (spec §4, §5, §8, §9): one largest-remainder
 * split per pool, payment rows for every artist with weight above zero, and one reconciliation
 * row per pool. Pure and deterministic: the same tallies give the same rows, in the same order.
 */
public final class Allocation {
    private static final long ONE = 1_000_000L;
    private static final Comparator<String> IDS = Comparator.nullsFirst(CodePoints.ORDER);
    /**
     * artist_id, source, country, product, licensee_id, currency; nulls first. One method rather than
     * a chain of six key extractors: sorting a month's million payments with the chain was a tenth of
     * the allocation's serial tail (async-profiler).
     */
    public static final Comparator<ArtistPayment> PAYMENT_ORDER = Allocation::comparePayments;
    public static final Comparator<PoolReconciliation> POOL_ORDER = Comparator
            .comparing(PoolReconciliation::source, IDS)
            .thenComparing(PoolReconciliation::country, IDS)
            .thenComparing(PoolReconciliation::product, IDS)
            .thenComparing(PoolReconciliation::licenseeId, IDS);

    private Allocation() {}

    private static int comparePayments(ArtistPayment a, ArtistPayment b) {
        int c = compareIds(a.artistId(), b.artistId());
        if (c == 0) {
            c = compareIds(a.source(), b.source());
        }
        if (c == 0) {
            c = compareIds(a.country(), b.country());
        }
        if (c == 0) {
            c = compareIds(a.product(), b.product());
        }
        if (c == 0) {
            c = compareIds(a.licenseeId(), b.licenseeId());
        }
        return c != 0 ? c : compareIds(a.currency(), b.currency());
    }

    /** {@link #IDS} without its wrapper: nulls first, then code points. */
    private static int compareIds(String a, String b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        return b == null ? 1 : CodePoints.ORDER.compare(a, b);
    }

    /** Payments, one row per pool, and the period's plays by status: all of them, and those in no pool. */
    public record Result(List<ArtistPayment> payments, List<PoolReconciliation> pools, long[] playsByStatus,
                         long[] unpooledPlaysByStatus) {}

    /**
     * What a payment model needs beyond the tallies: the professional artists (artist-centric), and
     * the cents the users' parts paid per pool (user-centric, keyed by {@link #poolKey}).
     */
    public record ModelInputs(Set<String> professionals, Map<String, UserCentricPool> userCentric) {
        public static final ModelInputs NONE = new ModelInputs(Set.of(), Map.of());
    }

    /** A pool's user-centric result: cents per artist, summed over the users' parts, and the cents held. */
    public record UserCentricPool(Map<String, Long> artistCents, long heldCents) {}

    public static String poolKey(String country, String product) {
        return country + "\u0000" + product;
    }

    /** Spec §4 as written: pro-rata. */
    public static Result allocate(Period period, List<Pool> pools, List<Licence> licences, Catalogue catalogue,
                                  CatalogueLedger plays, Collection<AiTally> aiTallies) {
        return allocate(period, pools, licences, catalogue, plays, aiTallies, PaymentModel.PRO_RATA, ModelInputs.NONE);
    }

    public static Result allocate(Period period, List<Pool> pools, List<Licence> licences, Catalogue catalogue,
                                  CatalogueLedger plays, Collection<AiTally> aiTallies, PaymentModel model,
                                  ModelInputs inputs) {
        return allocate(period, pools, licences, catalogue, plays.snapshot(), aiTallies, model, inputs);
    }

    /** The same over a snapshot of the ledger, which the caller may read again afterwards. */
    public static Result allocate(Period period, List<Pool> pools, List<Licence> licences, Catalogue catalogue,
                                  CatalogueLedger.Snapshot plays, Collection<AiTally> aiTallies,
                                  PaymentModel model, ModelInputs inputs) {
        List<ArtistPayment> payments = new ArrayList<>();
        List<PoolReconciliation> recon = new ArrayList<>();
        long[] pooledByStatus = new long[PlayStatus.COUNT];
        List<CataloguePool> current = new ArrayList<>();
        for (Pool pool : pools) {
            if (period.toString().equals(pool.period())) {
                current.add(new CataloguePool(pool, plays.tallies(pool.country(), pool.product())));
            }
        }
        // Pools in the order their payments take within an artist (PAYMENT_ORDER): each artist's
        // payments then arrive sorted, and inPaymentOrder's sort within an artist only checks them.
        current.sort(Comparator.comparing((CataloguePool p) -> p.pool().country(), IDS)
                .thenComparing(p -> p.pool().product(), IDS).thenComparing(p -> p.pool().currency(), IDS));
        // Pools are independent: split on every core (the run's serial tail), gathered in pool order.
        List<PoolSplit> splits = current.parallelStream()
                .map(p -> cataloguePool(p.pool(), catalogue, p.tracks(), model, inputs))
                .toList();
        for (PoolSplit split : splits) {
            recon.add(split.reconciliation());
            payments.addAll(split.payments());
            for (int s = 0; s < pooledByStatus.length; s++) {
                pooledByStatus[s] += split.byStatus()[s];
            }
        }
        long[] all = plays.countsByStatus();
        long[] unpooled = new long[all.length];
        for (int s = 0; s < all.length; s++) {
            unpooled[s] = all[s] - pooledByStatus[s];
        }
        Map<String, AiTally> aiPools = new HashMap<>();
        Map<String, Map<String, AiTally>> aiArtists = new HashMap<>();
        for (AiTally t : aiTallies) {
            String key = AiLedger.poolKey(t.licenseeId, t.scope);
            if (t.artistId == null) {
                aiPools.computeIfAbsent(key, k -> new AiTally(t.licenseeId, t.scope, null)).add(t);
            } else {
                aiArtists.computeIfAbsent(key, k -> new TreeMap<>(CodePoints.ORDER))
                        .computeIfAbsent(t.artistId, k -> new AiTally(t.licenseeId, t.scope, t.artistId)).add(t);
            }
        }
        List<Licence> licensed = new ArrayList<>();
        for (Licence l : licences) {
            if (period.toString().equals(l.period())) {
                licensed.add(l);
            }
        }
        // "ai_..." sources come before "catalogue" in PAYMENT_ORDER: their payments go first.
        licensed.sort(Comparator.comparing((Licence l) -> aiSource(l), IDS)
                .thenComparing(Licence::licenseeId, IDS).thenComparing(Licence::currency, IDS));
        List<ArtistPayment> ordered = new ArrayList<>(payments.size());
        for (Licence l : licensed) {
            String key = AiLedger.poolKey(l.licenseeId(), l.scope());
            recon.add(aiPool(l, aiPools.getOrDefault(key, new AiTally(l.licenseeId(), l.scope(), null)),
                    aiArtists.getOrDefault(key, Map.of()), ordered));
        }
        ordered.addAll(payments);
        recon.sort(POOL_ORDER);
        return new Result(Arrays.asList(inPaymentOrder(ordered)), recon, all, unpooled);
    }

    /**
     * The payments in {@link #PAYMENT_ORDER}, as a stable sort leaves them. The artist_ids are ranked
     * once (a month has a fraction as many artists as payments), the payments sorted by rank as
     * primitive longs, and only an artist's own payments compared field by field: a sort with the
     * comparator compared the strings of the 20 M month's million payments some six million times,
     * on the allocation's serial thread (async-profiler, issue 10).
     */
    static ArtistPayment[] inPaymentOrder(List<ArtistPayment> payments) {
        int n = payments.size();
        Map<String, Integer> ranks = new HashMap<>();
        for (ArtistPayment p : payments) {
            ranks.putIfAbsent(p.artistId(), 0);
        }
        String[] ids = ranks.keySet().toArray(new String[0]);
        Arrays.sort(ids, IDS); // as PAYMENT_ORDER compares them, nulls first
        for (int i = 0; i < ids.length; i++) {
            ranks.put(ids[i], i);
        }
        long[] keys = new long[n]; // rank, then position: ties keep the order they came in
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ranks.get(payments.get(i).artistId()) << 32) | i;
        }
        Arrays.sort(keys);
        ArtistPayment[] sorted = new ArtistPayment[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = payments.get((int) keys[i]);
        }
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || keys[i] >>> 32 != keys[from] >>> 32) {
                if (i - from > 1) {
                    Arrays.sort(sorted, from, i, PAYMENT_ORDER); // stable
                }
                from = i;
            }
        }
        return sorted;
    }

    private record CataloguePool(Pool pool, List<PlayTally> tracks) {}

    private record PoolSplit(PoolReconciliation reconciliation, List<ArtistPayment> payments, long[] byStatus) {}

    private static PoolSplit cataloguePool(Pool pool, Catalogue catalogue, List<PlayTally> tracks,
                                           PaymentModel model, ModelInputs inputs) {
        List<ArtistPayment> out = new ArrayList<>();
        long[] byStatus = new long[PlayStatus.COUNT];
        // Weights and units by the artist's place in artist_id order (Catalogue.artistPlaces): added
        // up in arrays and read in that order, with no map per pool and no sort of its strings.
        long[] weights = new long[catalogue.artistCount()];
        long[] units = new long[catalogue.artistCount()];
        int[] seen = new int[64];
        int artists = 0;
        for (PlayTally t : tracks) {
            for (int s = 0; s < byStatus.length; s++) {
                byStatus[s] += t.byStatus[s];
            }
            long eligible = t.eligible();
            if (eligible > 0) {
                Catalogue.Credits credits = catalogue.credits(t);
                int[] places = catalogue.artistPlaces(credits.index());
                for (int i = 0; i < places.length; i++) {
                    int a = places[i];
                    if (units[a] == 0) { // eligible > 0: an artist counted once has units
                        if (artists == seen.length) {
                            seen = Arrays.copyOf(seen, artists * 2);
                        }
                        seen[artists++] = a;
                    }
                    weights[a] = Math.addExact(weights[a], weight(model, t, credits.artists()[i],
                            credits.shareMicros()[i], inputs.professionals()));
                    units[a] += eligible;
                }
            }
        }
        Arrays.sort(seen, 0, artists);
        Artists inOrder = new Artists(artists);
        for (int i = 0; i < artists; i++) {
            inOrder.set(i, catalogue.artistAt(seen[i]), weights[seen[i]], units[seen[i]]);
        }
        long allocated;
        if (model == PaymentModel.USER_CENTRIC) {
            allocated = userCentricRows(pool, inOrder, inputs.userCentric().get(poolKey(pool.country(),
                    pool.product())), out);
        } else {
            long held = Math.multiplyExact(byStatus[PlayStatus.UNMATCHED.ordinal()], ONE);
            allocated = split(pool.amountCents(), inOrder, held, "catalogue", pool.country(), pool.product(), null,
                    pool.currency(), out);
        }
        return new PoolSplit(new PoolReconciliation("catalogue", pool.country(), pool.product(), null,
                pool.currency(), pool.amountCents(), allocated, pool.amountCents() - allocated,
                byStatus[PlayStatus.ELIGIBLE.ordinal()], byStatus[PlayStatus.UNMATCHED.ordinal()],
                byStatus[PlayStatus.FRAUD.ordinal()], byStatus[PlayStatus.AI_GENERATED.ordinal()],
                byStatus[PlayStatus.SHORT.ordinal()], byStatus[PlayStatus.CAPPED.ordinal()], 0,
                byStatus[PlayStatus.BELOW_THRESHOLD.ordinal()]), out, byStatus);
    }

    /** A pool's artists in artist_id order (code points): the order the split's ties follow. */
    private static final class Artists {
        final String[] ids;
        final long[] weights;
        final long[] units;

        Artists(int n) {
            ids = new String[n];
            weights = new long[n];
            units = new long[n];
        }

        void set(int i, String id, long weight, long unitCount) {
            ids[i] = id;
            weights[i] = weight;
            units[i] = unitCount;
        }
    }

    /**
     * An artist's weight from one track's eligible plays in a pool, in millionths: the share, times 2
     * for a professional artist and with active plays counted twice under artist-centric.
     */
    public static long weight(PaymentModel model, PlayTally t, String artistId, long shareMicros,
                              Set<String> professionals) {
        if (model != PaymentModel.ARTIST_CENTRIC) {
            return Math.multiplyExact(t.eligible(), shareMicros);
        }
        long plays = Math.addExact(t.eligible(), t.activeEligible);
        long w = Math.multiplyExact(plays, shareMicros);
        return professionals.contains(artistId) ? Math.multiplyExact(w, 2) : w;
    }

    /** Payment rows of a user-centric pool: every artist with eligible plays, paid what the users' parts gave. */
    private static long userCentricRows(Pool pool, Artists artists, UserCentricPool paid, List<ArtistPayment> out) {
        long allocated = 0;
        for (int i = 0; i < artists.ids.length; i++) {
            long cents = paid == null ? 0 : paid.artistCents().getOrDefault(artists.ids[i], 0L);
            out.add(new ArtistPayment(artists.ids[i], "catalogue", pool.country(), pool.product(), null,
                    artists.units[i], cents, pool.currency()));
            allocated += cents;
        }
        if (paid != null && allocated + paid.heldCents() != pool.amountCents()) {
            throw new IllegalStateException("user-centric parts of pool " + pool.country() + "/" + pool.product()
                    + " add up to " + (allocated + paid.heldCents()) + " cents, not " + pool.amountCents());
        }
        return allocated;
    }

    private static String aiSource(Licence l) {
        return "ai_" + l.scope();
    }

    private static PoolReconciliation aiPool(Licence l, AiTally pool, Map<String, AiTally> artistTallies,
                                             List<ArtistPayment> out) {
        TreeMap<String, AiTally> sorted = new TreeMap<>(CodePoints.ORDER);
        sorted.putAll(artistTallies);
        Artists artists = new Artists(sorted.size());
        int i = 0;
        for (Map.Entry<String, AiTally> e : sorted.entrySet()) {
            artists.set(i++, e.getKey(), e.getValue().weightMicros, e.getValue().units);
        }
        String source = aiSource(l);
        long allocated = split(l.amountCents(), artists, pool.heldMicros, source, null, null, l.licenseeId(),
                l.currency(), out);
        return new PoolReconciliation(source, null, null, l.licenseeId(), l.currency(), l.amountCents(), allocated,
                l.amountCents() - allocated, pool.eligibleUnits, pool.unmatchedUnits, pool.fraudUnits,
                pool.aiGeneratedUnits, 0, 0, pool.violationUnits, 0);
    }

    /** Splits one pool, adds the payment rows of artists with weight above zero; returns the allocated cents. */
    private static long split(long amountCents, Artists artists, long heldWeight, String source,
                              String country, String product, String licenseeId, String currency,
                              List<ArtistPayment> out) {
        LargestRemainder.Split split = LargestRemainder.split(amountCents, artists.weights, heldWeight);
        long allocated = 0;
        for (int i = 0; i < artists.ids.length; i++) {
            if (artists.weights[i] > 0) {
                out.add(new ArtistPayment(artists.ids[i], source, country, product, licenseeId, artists.units[i],
                        split.artistCents()[i], currency));
                allocated += split.artistCents()[i];
            }
        }
        return allocated;
    }
}
