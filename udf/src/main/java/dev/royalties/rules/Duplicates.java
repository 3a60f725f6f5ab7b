package dev.royalties.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * Valid rows of the period that share a key are one event (spec §3): the earliest timestamp wins,
 * then the greatest ms_played / units. Rows that tie on both yet differ elsewhere are settled by
 * comparing the remaining columns as strings (code point order), smallest first, so that the
 * winner never depends on the order the files were read in.
 */
public final class Duplicates {
    private static final Comparator<String> TEXT = Comparator.nullsFirst(CodePoints.ORDER);

    private Duplicates() {}

    /** Merges two copies of one play into the winner; the loser's copies are added to it. */
    public static Play merge(Play a, Play b) {
        Play w = comparePlays(a, b) <= 0 ? a : b;
        w.copies = a.copies + b.copies;
        return w;
    }

    public static Usage merge(Usage a, Usage b) {
        Usage w = compareUsage(a, b) <= 0 ? a : b;
        w.copies = a.copies + b.copies;
        return w;
    }

    static int comparePlays(Play a, Play b) {
        int c = Long.compare(a.playedAt, b.playedAt);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.msPlayed, a.msPlayed);
        if (c != 0) {
            return c;
        }
        c = TEXT.compare(a.userId, b.userId);
        if (c != 0) {
            return c;
        }
        c = TEXT.compare(a.trackId, b.trackId);
        if (c != 0) {
            return c;
        }
        c = TEXT.compare(a.country, b.country);
        if (c != 0) {
            return c;
        }
        c = TEXT.compare(a.product, b.product);
        return c != 0 ? c : TEXT.compare(a.origin, b.origin);
    }

    static int compareUsage(Usage a, Usage b) {
        int c = Long.compare(a.usedAt, b.usedAt);
        if (c != 0) {
            return c;
        }
        c = Long.compare(b.units, a.units);
        if (c != 0) {
            return c;
        }
        for (String[] pair : new String[][] {{a.licenseeId, b.licenseeId}, {a.modelId, b.modelId},
                {a.trackId, b.trackId}, {a.scope, b.scope}}) {
            c = TEXT.compare(pair[0], pair[1]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static boolean samePlay(Play a, Play b) {
        return comparePlays(a, b) == 0 && Objects.equals(a.playId, b.playId);
    }
}
