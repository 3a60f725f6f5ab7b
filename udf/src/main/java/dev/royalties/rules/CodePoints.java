package dev.royalties.rules;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Strings compared by Unicode code point, as the spec orders artist ids. String.compareTo compares
 * UTF-16 units, which differs for characters outside the Basic Multilingual Plane.
 */
public final class CodePoints implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;
    public static final CodePoints ORDER = new CodePoints();

    private CodePoints() {}

    /**
     * UTF-16 units and code points order alike unless the first unit that differs is a surrogate,
     * so the units are compared directly (the hot path: sorting a month's recordings and artists)
     * and only such a pair takes the code point walk.
     */
    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                return Character.isSurrogate(ca) || Character.isSurrogate(cb) ? byCodePoint(a, b)
                        : Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
