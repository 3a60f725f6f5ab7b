package dev.royalties.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts plays by (country, product, track, status). Nested maps keep the hot path free of key
 * objects: one lookup per level, no allocation once a track has been seen.
 */
public final class CatalogueLedger {
    private final Map<String, Map<String, Map<String, PlayTally>>> tallies = new HashMap<>();
    /** The last (country, product) counted: a user's plays mostly share one, so the next lookup is free. */
    private String lastCountry;
    private String lastProduct;
    private Map<String, PlayTally> lastByTrack;

    public void count(String country, String product, String trackId, PlayStatus status, long n) {
        tally(country, product, trackId).byStatus[status.ordinal()] += n;
    }

    /** Counts an eligible play, remembering whether the listener chose it. */
    public void countEligible(String country, String product, String trackId, boolean active) {
        PlayTally t = tally(country, product, trackId);
        t.byStatus[PlayStatus.ELIGIBLE.ordinal()]++;
        if (active) {
            t.activeEligible++;
        }
    }

    public void add(PlayTally t) {
        PlayTally into = tally(t.country, t.product, t.trackId);
        for (int i = 0; i < into.byStatus.length; i++) {
            into.byStatus[i] += t.byStatus[i];
        }
        into.activeEligible += t.activeEligible;
    }

    /** Plain gets first: the hot path allocates nothing once a (country, product, track) was seen. */
    private PlayTally tally(String country, String product, String trackId) {
        Map<String, PlayTally> byTrack = country == lastCountry && product == lastProduct ? lastByTrack
                : byTrack(country, product);
        PlayTally t = byTrack.get(trackId);
        if (t == null) {
            t = new PlayTally(country, product, trackId);
            byTrack.put(trackId, t);
        }
        return t;
    }

    private Map<String, PlayTally> byTrack(String country, String product) {
        Map<String, Map<String, PlayTally>> byProduct = tallies.get(country);
        if (byProduct == null) {
            byProduct = new HashMap<>();
            tallies.put(country, byProduct);
        }
        Map<String, PlayTally> byTrack = byProduct.get(product);
        if (byTrack == null) {
            byTrack = new HashMap<>();
            byProduct.put(product, byTrack);
        }
        lastCountry = country;
        lastProduct = product;
        lastByTrack = byTrack;
        return byTrack;
    }

    /** The tallies of one (country, product), or an empty map. */
    public Map<String, PlayTally> pool(String country, String product) {
        return tallies.getOrDefault(country, Map.of()).getOrDefault(product, Map.of());
    }

    public List<PlayTally> all() {
        List<PlayTally> out = new ArrayList<>();
        tallies.values().forEach(byProduct -> byProduct.values().forEach(byTrack -> out.addAll(byTrack.values())));
        return out;
    }
}
