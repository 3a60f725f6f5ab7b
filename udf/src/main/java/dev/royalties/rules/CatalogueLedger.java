package dev.royalties.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Counts plays by (country, product, track, status). Nested maps keep the hot path free of key
 * objects: one lookup per level, no allocation once a track has been seen. Given the catalogue, a
 * matched track is counted by its index ({@link Catalogue#indexOf(Play)}): first as a tally object
 * in an array ({@link TrackTable}), and once a pool has counted more than a sixteenth of the
 * catalogue's tracks, in pages of primitive counts ({@link DenseTallies}), within a memory budget.
 * Dense pages cost 64 bytes a catalogue track whether it is played or not, a tally object about 112
 * bytes a track played; but in a dense page a play costs one cache miss instead of three, and young
 * collections have no tally objects to copy. The budget bounds the memory, so within it the pools go
 * dense early; only pools that count a few tracks keep objects. Other tracks are kept in a map keyed
 * by track_id. A play whose index or credits are known needs no lookup at all; each track is held
 * in one place.
 *
 * <p>The tallies it hands out ({@link #tallies}, {@link #pool}, {@link #all}) are snapshots: for a
 * track counted in a dense page they are new objects, so changing them changes nothing here.
 */
public final class CatalogueLedger {
    /** Null: every track by track_id. */
    private final Catalogue catalogue;
    private final Map<String, Map<String, PoolTallies>> tallies = new HashMap<>();
    /**
     * Recently counted (country, product) pairs, by reference: the plays' codes are shared instances,
     * so a hit costs two reference compares instead of two map lookups.
     */
    private final String[] recentCountry = new String[RECENT];
    private final String[] recentProduct = new String[RECENT];
    private final PoolTallies[] recentPool = new PoolTallies[RECENT];
    private static final int RECENT = 64;
    private final Batch batch = new Batch();
    private final HeldCounts held;
    /** Bytes of dense pages this ledger may still take. */
    private long denseBudget;
    /**
     * A pool goes dense once it counts more than this share of the catalogue's tracks. Half, as it
     * was, left the pools of 300 thousand plays and fewer (a sixth of the 20 M month's plays) on tally
     * objects, and those plays cost more of the per-user stage than all the dense pools' (issue 10:
     * three alternating rounds 37.7, 36.9, 33.9 s against 39.9, 40.3, 36.7 s; at -Xmx2g too).
     */
    static final int DENSE_FROM_SHARE = 16;
    /** Tally objects a pool may hold by index before it goes dense. */
    private final int denseFrom;

    /** A ledger that keeps every track by track_id. */
    public CatalogueLedger() {
        this(null, 0);
    }

    /**
     * A ledger that keeps the catalogue's matched tracks by their index, in dense pages up to an
     * eighth of the heap: two workers' ledgers then hold at most a quarter of it. A page costs
     * 256 KB and serves 4 096 tracks; beyond the budget, tracks cost a tally object each, as before.
     */
    public CatalogueLedger(Catalogue catalogue) {
        this(catalogue, Runtime.getRuntime().maxMemory() / 8);
    }

    /** The same with a budget for dense pages, in bytes (0: tally objects only). */
    public CatalogueLedger(Catalogue catalogue, long denseBytes) {
        this(catalogue, denseBytes, HeldCounts.SIZE);
    }

    /** The same, counting held-back plays each time {@code held} of them are waiting (tests: a few). */
    CatalogueLedger(Catalogue catalogue, long denseBytes, int held) {
        this.held = new HeldCounts(held);
        this.catalogue = catalogue;
        this.denseBudget = denseBytes;
        this.denseFrom = catalogue == null ? Integer.MAX_VALUE : catalogue.matchedCount() / DENSE_FROM_SHARE;
    }

    private static final class PoolTallies {
        final String country;
        final String product;
        final Map<String, PlayTally> byTrack = new HashMap<>();
        TrackTable<PlayTally> byIndex = new TrackTable<>();
        int indexed;
        boolean dense;
        final DenseTallies pages = new DenseTallies();

        PoolTallies(String country, String product) {
            this.country = country;
            this.product = product;
        }

        /** Every tally, snapshots of the dense ones first: each part in index order, then the rest. */
        void forEach(Catalogue catalogue, Consumer<PlayTally> action) {
            pages.forEach(country, product, catalogue, action);
            byIndex.forEach(action);
            byTrack.values().forEach(action);
        }
    }

    public void count(String country, String product, String trackId, PlayStatus status, long n) {
        count(poolOf(country, product), trackId, indexOf(trackId), status.ordinal(), n, 0);
    }

    /** Counts one play by status, by its track's index when it has one (its credits are not read). */
    public void count(Play p, PlayStatus status) {
        count(poolOf(p.country, p.product), p.trackId, indexOf(p), status.ordinal(), 1, 0);
    }

    /** Counts an eligible play, remembering whether the listener chose it. */
    public void countEligible(String country, String product, String trackId, boolean active) {
        count(poolOf(country, product), trackId, indexOf(trackId), PlayStatus.ELIGIBLE.ordinal(), 1, active ? 1 : 0);
    }

    /** Counts an eligible play (by its track's index, or looked up by track_id). */
    public void countEligible(Play p) {
        count(poolOf(p.country, p.product), p.trackId, indexOf(p), PlayStatus.ELIGIBLE.ordinal(), 1,
                p.active() ? 1 : 0);
    }

    /** Adds another ledger's tally; by its track index when it has one and this ledger is by index. */
    public void add(PlayTally t) {
        PoolTallies pool = poolOf(t.country, t.product);
        int index = catalogue == null ? -1 : t.trackIndex >= 0 ? t.trackIndex : catalogue.indexOf(t.trackId);
        if (index >= 0 && t.byStatus.length == PlayStatus.COUNT) {
            // A tally's counts at once: the allocation adds millions of them (issue 10).
            flush(); // counts made before it stay before it
            addByIndex(pool, index, t.byStatus, 0, t.activeEligible);
            return;
        }
        for (int s = 0; s < t.byStatus.length; s++) {
            count(pool, t.trackId, index, s, t.byStatus[s], s == PlayStatus.ELIGIBLE.ordinal() ? t.activeEligible : 0);
        }
    }

    /** Adds another ledger's run of tallies by index (this ledger must be by index: it has the catalogue). */
    public void add(TallyRun run) {
        PoolTallies pool = poolOf(run.country, run.product);
        flush(); // counts made before it stay before it
        for (int i = 0; i < run.size; i++) {
            int at = i * TallyRun.STRIDE;
            addByIndex(pool, run.indexes[i], run.counts, at, run.counts[at + DenseTallies.ACTIVE]);
        }
    }

    /**
     * What {@link #all} holds, for another ledger to add up: the tracks counted by index as runs of
     * at most {@code max} tracks of one pool (each pool's in the order {@link #all} gives them),
     * then the other tracks' tallies, as {@link #all} gives them.
     */
    public void send(int max, Consumer<TallyRun> runs, Consumer<List<PlayTally>> others) {
        flush();
        List<PlayTally> byTrackId = new ArrayList<>();
        for (Map<String, PoolTallies> byProduct : tallies.values()) {
            for (PoolTallies pool : byProduct.values()) {
                Runs out = new Runs(pool, max, runs);
                pool.pages.forEachCounted(out::add);
                // A new run for the tracks kept as objects: each part is in index order, but together
                // they are not once the budget left some pages sparse, and a run's indexes ascend.
                out.end();
                pool.byIndex.forEach(out::add);
                out.end();
                byTrackId.addAll(pool.byTrack.values());
            }
        }
        others.accept(byTrackId);
    }

    /** One pool's tracks into runs of at most {@code max}, each handed on when full, the last at the end. */
    private static final class Runs {
        private final PoolTallies pool;
        private final int max;
        private final Consumer<TallyRun> out;
        private TallyRun run;

        Runs(PoolTallies pool, int max, Consumer<TallyRun> out) {
            this.pool = pool;
            this.max = max;
            this.out = out;
        }

        void add(int index, long[] page, int at) {
            open().add(index, page, at);
            handOnIfFull();
        }

        void add(PlayTally t) {
            open().add(t);
            handOnIfFull();
        }

        private TallyRun open() {
            if (run == null) {
                run = new TallyRun(pool.country, pool.product, max);
            }
            return run;
        }

        private void handOnIfFull() {
            if (run.full()) {
                end();
            }
        }

        void end() {
            if (run != null) {
                out.accept(run);
                run = null;
            }
        }
    }

    /** A play's track index in this ledger: -1 when it keeps tracks by track_id or the track is unmatched. */
    private int indexOf(Play p) {
        return catalogue == null ? -1 : catalogue.indexOf(p);
    }

    private int indexOf(String trackId) {
        return catalogue == null ? -1 : catalogue.indexOf(trackId);
    }

    private void count(PoolTallies pool, String trackId, int index, int status, long n, long active) {
        if (index >= 0) {
            batch.add(pool, index, status, n, active);
            return;
        }
        PlayTally t = pool.byTrack.get(trackId);
        if (t == null) {
            t = new PlayTally(pool.country, pool.product, trackId);
            pool.byTrack.put(trackId, t);
        }
        add(t, status, n, active);
    }

    /** Every count held back made now: before the ledger is read, or another ledger's counts added. */
    private void flush() {
        batch.flush();
        held.flush();
    }

    /** Plain gets first: the hot path allocates nothing once a (country, product, track) was seen. */
    private void countByIndex(PoolTallies pool, int index, int status, long n, long active) {
        long[] page = densePage(pool, index);
        if (page != null) {
            if (n == 1 && (active == 0 || active == 1)) {
                held.add(pool.pages.number(index), index & DenseTallies.MASK, status, (int) active);
            } else {
                pool.pages.add(page, index, status, n, active);
            }
        } else {
            add(tallyAt(pool, index), status, n, active);
            denseIfDue(pool);
        }
    }

    /**
     * What {@link #countByIndex} does for each status of a tally, in one go: its counts by status
     * from {@code byStatus[from]} (a tally's array, or a run's in the pages' layout), and its active
     * eligible plays.
     */
    private void addByIndex(PoolTallies pool, int index, long[] byStatus, int from, long active) {
        long[] page = densePage(pool, index);
        if (page != null) {
            pool.pages.addAll(page, index, byStatus, from, active);
        } else {
            addAll(tallyAt(pool, index), byStatus, from, active);
            denseIfDue(pool);
        }
    }

    /** The dense page that counts a track, or null when a tally object counts it. */
    private long[] densePage(PoolTallies pool, int index) {
        if (!pool.dense) {
            return null;
        }
        long[] page = page(pool, index);
        return page == DenseTallies.SPARSE ? null : page;
    }

    /** A track's tally object, made now if need be. */
    private PlayTally tallyAt(PoolTallies pool, int index) {
        PlayTally t = pool.byIndex.get(index);
        if (t == null) {
            t = new PlayTally(pool.country, pool.product, catalogue.trackIdAt(index));
            t.trackIndex = index;
            pool.byIndex.put(index, t);
            if (!pool.dense) {
                pool.indexed++;
            }
        }
        return t;
    }

    /** Moves a pool to dense pages once it counts more tracks than {@link #denseFrom}, counts included. */
    private void denseIfDue(PoolTallies pool) {
        if (!pool.dense && pool.indexed > denseFrom) {
            toDense(pool);
        }
    }

    private static void addAll(PlayTally t, long[] byStatus, int from, long active) {
        for (int s = 0; s < PlayStatus.COUNT; s++) {
            t.byStatus[s] += byStatus[from + s];
        }
        t.activeEligible += active;
    }

    /**
     * Counts by track index, held back and then made together. Each is a cache miss or two (plays
     * come in user order, which is random in track order); made one per play among the play's other
     * work, each miss was waited for alone, while a loop of independent counts lets the core wait
     * for several at once (per-user stage 16.7 to 15.0 thousand samples, async-profiler). Made in
     * the order given, so the ledger ends as if counted at once; flushed before any tally is read.
     */
    private final class Batch {
        static final int SIZE = 256;
        private final PoolTallies[] pools = new PoolTallies[SIZE];
        private final int[] indexes = new int[SIZE];
        private final int[] statuses = new int[SIZE];
        private final long[] counts = new long[SIZE];
        private final long[] actives = new long[SIZE];
        private int size;

        void add(PoolTallies pool, int index, int status, long n, long active) {
            pools[size] = pool;
            indexes[size] = index;
            statuses[size] = status;
            counts[size] = n;
            actives[size] = active;
            if (++size == SIZE) {
                flush();
            }
        }

        void flush() {
            for (int i = 0; i < size; i++) {
                countByIndex(pools[i], indexes[i], statuses[i], counts[i], actives[i]);
            }
            size = 0;
        }
    }

    /**
     * Plays counted into dense pages, held back and then counted a page at a time. Plays come in user
     * order, which is random in track order, and a month's dense pages are hundreds of megabytes:
     * counted as they came, each play was a miss to memory (13 % of the per-user stage,
     * async-profiler, issue 10). Grouped by page first (a counting sort by page number, in order
     * otherwise), each page stays in the core's cache while its plays are counted. The counts are
     * sums, so holding them back changes none of them; they are all made before the ledger is read.
     */
    private static final class HeldCounts {
        static final int SIZE = 1 << 19; // 4 MB of keys, and as much to sort them into
        private final int capacity;
        private long[][] pages = new long[64][];
        private long[][] bits = new long[64][];
        private int numbered;
        private long[] keys;
        private long[] sorted;
        private int[] starts;
        private int size;

        HeldCounts(int capacity) {
            this.capacity = capacity;
        }

        /** Numbers a dense page and its counted bits. */
        int register(long[] page, long[] counted) {
            if (numbered == pages.length) {
                pages = java.util.Arrays.copyOf(pages, numbered * 2);
                bits = java.util.Arrays.copyOf(bits, numbered * 2);
            }
            pages[numbered] = page;
            bits[numbered] = counted;
            return numbered++;
        }

        /** One play of a status (active: 0 or 1) of the track in {@code slot} of page {@code number}. */
        void add(int number, int slot, int status, int active) {
            if (keys == null) {
                keys = new long[capacity];
                sorted = new long[capacity];
            }
            keys[size] = (long) number << 16 | slot << 4 | status << 1 | active;
            if (++size == capacity) {
                flush();
            }
        }

        void flush() {
            if (size == 0) {
                return;
            }
            if (starts == null || starts.length < numbered + 1) {
                starts = new int[Math.max(numbered + 1, pages.length + 1)];
            }
            java.util.Arrays.fill(starts, 0, numbered + 1, 0);
            for (int i = 0; i < size; i++) {
                starts[(int) (keys[i] >>> 16) + 1]++;
            }
            for (int g = 1; g <= numbered; g++) {
                starts[g] += starts[g - 1];
            }
            for (int i = 0; i < size; i++) {
                sorted[starts[(int) (keys[i] >>> 16)]++] = keys[i];
            }
            for (int i = 0; i < size; i++) {
                long k = sorted[i];
                int number = (int) (k >>> 16);
                int slot = (int) (k >>> 4) & DenseTallies.MASK;
                long[] page = pages[number];
                int at = slot * DenseTallies.STRIDE;
                page[at + ((int) (k >>> 1) & 7)]++;
                page[at + DenseTallies.ACTIVE] += k & 1;
                bits[number][slot >>> 6] |= 1L << slot;
            }
            size = 0;
        }
    }

    /** The dense page of a track, given out now if need be: {@link DenseTallies#SPARSE} once the budget is spent. */
    private long[] page(PoolTallies pool, int index) {
        long[] page = pool.pages.page(index);
        if (page == null) {
            boolean dense = denseBudget >= DenseTallies.PAGE_BYTES;
            denseBudget -= dense ? DenseTallies.PAGE_BYTES : 0;
            page = pool.pages.open(index, dense);
            if (dense) {
                pool.pages.number(index, held.register(page, pool.pages.countedBits(index)));
            }
        }
        return page;
    }

    /** Moves a pool's tally objects into dense pages, as far as the budget allows. */
    private void toDense(PoolTallies pool) {
        pool.dense = true;
        TrackTable<PlayTally> objects = pool.byIndex;
        pool.byIndex = new TrackTable<>();
        objects.forEach(t -> {
            long[] page = page(pool, t.trackIndex);
            if (page == DenseTallies.SPARSE) {
                pool.byIndex.put(t.trackIndex, t);
                return;
            }
            for (int s = 0; s < t.byStatus.length; s++) {
                pool.pages.add(page, t.trackIndex, s, t.byStatus[s],
                        s == PlayStatus.ELIGIBLE.ordinal() ? t.activeEligible : 0);
            }
        });
    }

    private static void add(PlayTally t, int status, long n, long active) {
        t.byStatus[status] += n;
        t.activeEligible += active;
    }

    private PoolTallies poolOf(String country, String product) {
        int slot = (31 * Objects.hashCode(country) + Objects.hashCode(product)) & (RECENT - 1);
        return recentCountry[slot] == country && recentProduct[slot] == product && recentPool[slot] != null
                ? recentPool[slot] : poolFor(country, product, slot);
    }

    private PoolTallies poolFor(String country, String product, int slot) {
        Map<String, PoolTallies> byProduct = tallies.get(country);
        if (byProduct == null) {
            byProduct = new HashMap<>();
            tallies.put(country, byProduct);
        }
        PoolTallies pool = byProduct.get(product);
        if (pool == null) {
            pool = new PoolTallies(country, product);
            byProduct.put(product, pool);
        }
        recentCountry[slot] = country;
        recentProduct[slot] = product;
        recentPool[slot] = pool;
        return pool;
    }

    private PoolTallies existing(String country, String product) {
        Map<String, PoolTallies> byProduct = tallies.get(country);
        return byProduct == null ? null : byProduct.get(product);
    }

    /** The tallies of one (country, product) by track_id, or an empty map. */
    public Map<String, PlayTally> pool(String country, String product) {
        Map<String, PlayTally> all = new HashMap<>();
        for (PlayTally t : tallies(country, product)) {
            all.put(t.trackId, t);
        }
        return all;
    }

    /**
     * The tallies of one (country, product): the catalogue's tracks in index order (which is
     * track_id order), then the others. Unlike {@link #pool}, builds no map.
     */
    public List<PlayTally> tallies(String country, String product) {
        flush();
        PoolTallies pool = existing(country, product);
        return pool == null ? List.of() : listOf(pool);
    }

    private List<PlayTally> listOf(PoolTallies pool) {
        List<PlayTally> out = new ArrayList<>();
        pool.forEach(catalogue, out::add);
        return out;
    }

    /**
     * The ledger as the allocation reads it, which is several times over (each model's split, then
     * recording_usage): each pool's tallies made once, when first asked for, and the counts by
     * status of all of them, added up without making any. Making the month's 2.2 million snapshots
     * three times over was a sixth of the allocation's serial thread (async-profiler, issue 10).
     * Valid while nothing more is counted into the ledger.
     */
    public Snapshot snapshot() {
        flush();
        return new Snapshot();
    }

    /** See {@link #snapshot()}. */
    public final class Snapshot {
        private final Map<PoolTallies, List<PlayTally>> byPool = new IdentityHashMap<>();

        private Snapshot() {}

        /** What {@link CatalogueLedger#tallies} gives, the same list each time. */
        public List<PlayTally> tallies(String country, String product) {
            PoolTallies pool = existing(country, product);
            if (pool == null) {
                return List.of();
            }
            return byPool.computeIfAbsent(pool, CatalogueLedger.this::listOf);
        }

        /** Plays by status ({@link PlayStatus#ordinal()}) over every tally of the ledger. */
        public long[] countsByStatus() {
            long[] all = new long[PlayStatus.COUNT];
            for (Map<String, PoolTallies> byProduct : tallies.values()) {
                for (PoolTallies pool : byProduct.values()) {
                    pool.pages.addCountsTo(all);
                    pool.byIndex.forEach(t -> addCounts(t, all));
                    pool.byTrack.values().forEach(t -> addCounts(t, all));
                }
            }
            return all;
        }

        private static void addCounts(PlayTally t, long[] all) {
            for (int s = 0; s < all.length; s++) {
                all[s] += t.byStatus[s];
            }
        }
    }

    public List<PlayTally> all() {
        flush();
        List<PlayTally> out = new ArrayList<>();
        tallies.values().forEach(byProduct -> byProduct.values().forEach(pool -> pool.forEach(catalogue, out::add)));
        return out;
    }
}
