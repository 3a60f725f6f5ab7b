package dev.royalties.rules;

/** The one status each de-duplicated play of the period gets (spec §4), in the order tested. */
public enum PlayStatus {
    FRAUD, SHORT, UNMATCHED, AI_GENERATED, BELOW_THRESHOLD, CAPPED, ELIGIBLE;

    private static final PlayStatus[] ALL = values();

    public static PlayStatus of(int ordinal) {
        return ALL[ordinal];
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
