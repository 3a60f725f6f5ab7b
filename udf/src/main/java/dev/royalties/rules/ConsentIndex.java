package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consent as known at as-of (spec §7). Per (artist, scope) the records are kept by effective_from,
 * then recorded_at, descending; the first one in effect at t decides. Two records that tie on both
 * but disagree resolve to "not granted": nobody is opted in on a coin toss.
 */
public final class ConsentIndex implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<Consent> LATEST_FIRST = Comparator
            .comparingLong(Consent::effectiveFrom)
            .thenComparingLong(Consent::recordedAt)
            .thenComparing(c -> !Boolean.TRUE.equals(c.granted()))
            .reversed();

    private final Map<String, Consent[]> byArtistScope;

    public ConsentIndex(Iterable<Consent> records, long asOf) {
        Map<String, List<Consent>> m = new HashMap<>();
        for (Consent c : records) {
            if (c.recordedAt() <= asOf) {
                m.computeIfAbsent(key(c.artistId(), c.scope()), k -> new ArrayList<>()).add(c);
            }
        }
        byArtistScope = new HashMap<>(m.size() * 2);
        m.forEach((k, list) -> {
            Consent[] a = list.toArray(new Consent[0]);
            java.util.Arrays.sort(a, LATEST_FIRST);
            byArtistScope.put(k, a);
        });
    }

    /** While the run has it pinned, written as a small handle ({@link SharedReference}). */
    private Object writeReplace() {
        return SharedReference.replace(this);
    }

    public boolean granted(String artistId, String scope, long at) {
        Consent[] cs = byArtistScope.get(key(artistId, scope));
        if (cs != null) {
            for (Consent c : cs) {
                if (c.effectiveFrom() <= at) {
                    return Boolean.TRUE.equals(c.granted());
                }
            }
        }
        return false;
    }

    private static String key(String artistId, String scope) {
        return scope + '\u0000' + artistId;
    }
}
