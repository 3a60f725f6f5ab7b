package dev.royalties.rules;

/**
 * Contract checks for event rows (spec §3). Each returns null for a valid row, or the reason of
 * the first broken rule, in one line, for the quarantine.
 */
public final class EventValidation {
    private EventValidation() {}

    public static String playProblem(Play p) {
        if (Nulls.blank(p.playId)) {
            return "play_id is null or empty";
        }
        if (Nulls.blank(p.userId)) {
            return "user_id is null or empty";
        }
        if (Nulls.blank(p.trackId)) {
            return "track_id is null or empty";
        }
        if (p.playedAt == Times.NULL) {
            return "played_at is null";
        }
        if (p.msPlayed == Nulls.INT) {
            return "ms_played is null";
        }
        if (p.msPlayed < 0) {
            return "ms_played is negative (" + p.msPlayed + ")";
        }
        if (!Vocabulary.isCountry(p.country)) {
            return "country " + show(p.country) + " is not two upper-case letters A-Z";
        }
        if (!validProduct(p.product)) {
            return "product " + show(p.product) + " is not one of premium, family, student, free";
        }
        if (!Vocabulary.isOrigin(p.origin)) {
            return "origin " + show(p.origin) + " is not one of search, library, user_playlist, algorithmic,"
                    + " editorial, radio (or null)";
        }
        return null;
    }

    /** A product the contract knows (a play with any other goes to quarantine). */
    public static boolean validProduct(String product) {
        return product != null && Vocabulary.PRODUCTS.contains(product);
    }

    public static String usageProblem(Usage u) {
        if (Nulls.blank(u.usageId)) {
            return "usage_id is null or empty";
        }
        if (Nulls.blank(u.licenseeId)) {
            return "licensee_id is null or empty";
        }
        if (Nulls.blank(u.modelId)) {
            return "model_id is null or empty";
        }
        if (Nulls.blank(u.trackId)) {
            return "track_id is null or empty";
        }
        if (u.usedAt == Times.NULL) {
            return "used_at is null";
        }
        if (u.scope == null || !Vocabulary.SCOPES.contains(u.scope)) {
            return "scope " + show(u.scope) + " is not training or generation";
        }
        if (u.units == Nulls.LONG) {
            return "units is null";
        }
        if (u.units <= 0) {
            return "units is not positive (" + u.units + ")";
        }
        return null;
    }

    /**
     * Which invalid rows a run of the period reports: those whose timestamp is in the period, and
     * those with none (they belong to no period, so every run reports them until repaired).
     */
    public static boolean quarantinedIn(Period period, long timestamp) {
        return timestamp == Times.NULL || period.contains(timestamp);
    }

    private static String show(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
