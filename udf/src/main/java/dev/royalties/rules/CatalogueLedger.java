package dev.royalties.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts plays by (country, product, track, status). Nested maps keep the hot path free of key
 * objects: one lookup per level, no allocation once a track has been seen. Given the catalogue, a
 * matched track is counted through an array indexed by the track ({@link TrackTable}) instead of a
 * map keyed by track_id, and a play whose credits are known ({@link Play#credits}) needs no lookup
 * at all; each track is held in exactly one of the two.
 */
public final class CatalogueLedger {
    /** Null: every track by track_id (the allocation, which adds up other ledgers' tallies). */
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

    /** A ledger that keeps every track by track_id. */
    public CatalogueLedger() {
        this(null);
    }

    /** A ledger that keeps the catalogue's matched tracks by their index. */
    public CatalogueLedger(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    private static final class PoolTallies {
        final Map<String, PlayTally> byTrack = new HashMap<>();
        final TrackTable<PlayTally> byIndex = new TrackTable<>();
    }

    public void count(String country, String product, String trackId, PlayStatus status, long n) {
        tally(country, product, trackId, null).byStatus[status.ordinal()] += n;
    }

    /** Counts one play by status, through its credits when they are known. */
    public void count(Play p, PlayStatus status) {
        tally(p.country, p.product, p.trackId, p.credits).byStatus[status.ordinal()]++;
    }

    /** Counts an eligible play, remembering whether the listener chose it. */
    public void countEligible(String country, String product, String trackId, boolean active) {
        countEligible(tally(country, product, trackId, null), active);
    }

    /** Counts an eligible play (its credits known, or looked up by track_id). */
    public void countEligible(Play p) {
        countEligible(tally(p.country, p.product, p.trackId, p.credits), p.active());
    }

    private static void countEligible(PlayTally t, boolean active) {
        t.byStatus[PlayStatus.ELIGIBLE.ordinal()]++;
        if (active) {
            t.activeEligible++;
        }
    }

    /** Adds another ledger's tally; by its track index when it has one and this ledger is by index. */
    public void add(PlayTally t) {
        Catalogue.Credits credits = catalogue != null && t.trackIndex >= 0 ? catalogue.creditsAt(t.trackIndex) : null;
        PlayTally into = tally(t.country, t.product, t.trackId, credits);
        for (int i = 0; i < into.byStatus.length; i++) {
            into.byStatus[i] += t.byStatus[i];
        }
        into.activeEligible += t.activeEligible;
    }

    /** Plain gets first: the hot path allocates nothing once a (country, product, track) was seen. */
    private PlayTally tally(String country, String product, String trackId, Catalogue.Credits credits) {
        int slot = (31 * Objects.hashCode(country) + Objects.hashCode(product)) & (RECENT - 1);
        PoolTallies pool = recentCountry[slot] == country && recentProduct[slot] == product && recentPool[slot] != null
                ? recentPool[slot] : poolFor(country, product, slot);
        Catalogue.Credits c = credits != null || catalogue == null ? credits : catalogue.credits(trackId);
        if (c != null && catalogue != null) {
            PlayTally t = pool.byIndex.get(c.index());
            if (t == null) {
                t = new PlayTally(country, product, c.trackId());
                t.trackIndex = c.index();
                pool.byIndex.put(c.index(), t);
            }
            return t;
        }
        return byTrack(pool, country, product, trackId);
    }

    private static PlayTally byTrack(PoolTallies pool, String country, String product, String trackId) {
        PlayTally t = pool.byTrack.get(trackId);
        if (t == null) {
            t = new PlayTally(country, product, trackId);
            pool.byTrack.put(trackId, t);
        }
        return t;
    }

    private PoolTallies poolFor(String country, String product, int slot) {
        Map<String, PoolTallies> byProduct = tallies.get(country);
        if (byProduct == null) {
            byProduct = new HashMap<>();
            tallies.put(country, byProduct);
        }
        PoolTallies pool = byProduct.get(product);
        if (pool == null) {
            pool = new PoolTallies();
            byProduct.put(product, pool);
        }
        recentCountry[slot] = country;
        recentProduct[slot] = product;
        recentPool[slot] = pool;
        return pool;
    }

    /** The tallies of one (country, product) by track_id, or an empty map. */
    public Map<String, PlayTally> pool(String country, String product) {
        Map<String, PoolTallies> byProduct = tallies.get(country);
        PoolTallies pool = byProduct == null ? null : byProduct.get(product);
        if (pool == null) {
            return Map.of();
        }
        if (catalogue == null) {
            return pool.byTrack;
        }
        Map<String, PlayTally> all = new HashMap<>(pool.byTrack);
        pool.byIndex.forEach(t -> all.put(t.trackId, t));
        return all;
    }

    /**
     * The tallies of one (country, product): the catalogue's tracks in index order (which is
     * track_id order), then the others. Unlike {@link #pool}, builds no map.
     */
    public List<PlayTally> tallies(String country, String product) {
        Map<String, PoolTallies> byProduct = tallies.get(country);
        PoolTallies pool = byProduct == null ? null : byProduct.get(product);
        if (pool == null) {
            return List.of();
        }
        List<PlayTally> out = new ArrayList<>();
        pool.byIndex.forEach(out::add);
        out.addAll(pool.byTrack.values());
        return out;
    }

    public List<PlayTally> all() {
        List<PlayTally> out = new ArrayList<>();
        tallies.values().forEach(byProduct -> byProduct.values().forEach(pool -> {
            pool.byIndex.forEach(out::add);
            out.addAll(pool.byTrack.values());
        }));
        return out;
    }
}
