package dev.royalties.rules;

import java.util.function.Consumer;

/**
 * One value per matched track, found by {@link Catalogue.Credits#index()}: an array lookup where a
 * map keyed by track_id costs a hash and three pointer chases on every play. Pages of 4 096 slots
 * are allocated as tracks are first seen, so a worker that sees a few tracks of a large catalogue
 * holds only their pages.
 */
public final class TrackTable<T> {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private Object[][] pages = new Object[16][];

    @SuppressWarnings("unchecked")
    public T get(int index) {
        int page = index >>> PAGE_BITS;
        if (page >= pages.length || pages[page] == null) {
            return null;
        }
        return (T) pages[page][index & (PAGE_SIZE - 1)];
    }

    public void put(int index, T value) {
        int page = index >>> PAGE_BITS;
        if (page >= pages.length) {
            pages = java.util.Arrays.copyOf(pages, Math.max(page + 1, pages.length * 2));
        }
        if (pages[page] == null) {
            pages[page] = new Object[PAGE_SIZE];
        }
        pages[page][index & (PAGE_SIZE - 1)] = value;
    }

    /** Every value held, in index order (which is track_id order). */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<T> action) {
        for (Object[] page : pages) {
            if (page != null) {
                for (Object v : page) {
                    if (v != null) {
                        action.accept((T) v);
                    }
                }
            }
        }
    }
}
