package dev.royalties.rules;

/** The one status each de-duplicated play of the period gets (spec §4), in the order tested. */
public enum PlayStatus {
    FRAUD, SHORT, UNMATCHED, AI_GENERATED, BELOW_THRESHOLD, CAPPED, ELIGIBLE;

    private static final PlayStatus[] ALL = values();
    /** How many statuses there are: the length of every by-status count (values() copies its array). */
    public static final int COUNT = ALL.length;

    public static PlayStatus of(int ordinal) {
        return ALL[ordinal];
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
