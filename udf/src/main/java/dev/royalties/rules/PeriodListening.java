package dev.royalties.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The listening per track that one worker sees (track_history, issue 9): every qualifying play a
 * stream, every distinct user of a track a listener. Users arrive one at a time; a track remembers
 * the last user that counted as its listener, so no per-user set of tracks is needed.
 */
public final class PeriodListening {
    private final Catalogue catalogue;
    private final TrackTable<TrackListening> byIndex = new TrackTable<>();
    /** Tracks without credits (not expected among qualifying plays, but counted all the same). */
    private final Map<String, TrackListening> unmatched = new HashMap<>();
    private long user;

    public PeriodListening(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Adds one user's qualifying plays. */
    public void listen(Iterable<Play> qualifying) {
        user++;
        for (Play p : qualifying) {
            TrackListening t = track(p);
            t.streams++;
            if (t.lastListener != user) {
                t.lastListener = user;
                t.listeners++;
            }
        }
    }

    private TrackListening track(Play p) {
        int index = catalogue.indexOf(p);
        if (index < 0) {
            return unmatched.computeIfAbsent(p.trackId, k -> new TrackListening(k, 0, 0));
        }
        TrackListening t = byIndex.get(index);
        if (t == null) {
            t = new TrackListening(catalogue.trackIdAt(index), 0, 0);
            byIndex.put(index, t);
        }
        return t;
    }

    public void forEach(Consumer<TrackListening> action) {
        byIndex.forEach(action);
        unmatched.values().forEach(action);
    }
}
