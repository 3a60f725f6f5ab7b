package dev.royalties.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The listening per track that one worker sees (track_history, issue 9): every qualifying play a
 * stream, every distinct user of a track a listener. Users arrive one at a time; a track remembers
 * the last user that counted as its listener, so no per-user set of tracks is needed.
 *
 * <p>A catalogue track's three numbers are longs side by side in pages by track index, allocated as
 * tracks are first seen: one cache miss a play, where a paged array of objects cost two, and no
 * object per track for young collections to copy (issue 10).
 */
public final class PeriodListening {
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;
    /** A track's streams, then its listeners, then the last user counted as its listener. */
    private static final int STRIDE = 3;

    private final Catalogue catalogue;
    private long[][] pages = new long[16][];
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
            int index = catalogue.indexOf(p);
            if (index < 0) {
                TrackListening t = unmatched.computeIfAbsent(p.trackId, k -> new TrackListening(k, 0, 0));
                t.streams++;
                if (t.lastListener != user) {
                    t.lastListener = user;
                    t.listeners++;
                }
                continue;
            }
            long[] page = page(index);
            int at = (index & MASK) * STRIDE;
            page[at]++;
            if (page[at + 2] != user) {
                page[at + 2] = user;
                page[at + 1]++;
            }
        }
    }

    private long[] page(int index) {
        int p = index >>> PAGE_BITS;
        if (p >= pages.length) {
            pages = java.util.Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
        }
        long[] page = pages[p];
        if (page == null) {
            page = new long[PAGE * STRIDE];
            pages[p] = page;
        }
        return page;
    }

    /** Every track listened to: the catalogue's in index order (which is track_id order), then the others. */
    public void forEach(Consumer<TrackListening> action) {
        for (int p = 0; p < pages.length; p++) {
            long[] page = pages[p];
            if (page == null) {
                continue;
            }
            for (int slot = 0; slot < PAGE; slot++) {
                int at = slot * STRIDE;
                if (page[at] > 0) {
                    action.accept(new TrackListening(catalogue.trackIdAt(p << PAGE_BITS | slot), page[at],
                            page[at + 1]));
                }
            }
        }
        unmatched.values().forEach(action);
    }
}
