package dev.royalties.rules;

/** Sentinels for missing primitive values, so that event rows stay free of boxed numbers. */
public final class Nulls {
    public static final int INT = Integer.MIN_VALUE;
    public static final long LONG = Long.MIN_VALUE;

    private Nulls() {}

    public static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
