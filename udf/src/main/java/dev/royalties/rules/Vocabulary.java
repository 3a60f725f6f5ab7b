package dev.royalties.rules;

import java.util.Set;

/** The closed value sets of the data contract (spec §2). */
public final class Vocabulary {
    public static final Set<String> PRODUCTS = Set.of("premium", "family", "student", "free");
    public static final Set<String> AI_CONTENT = Set.of("none", "assisted", "full");
    public static final Set<String> SUBJECT_TYPES = Set.of("play", "user", "track");
    public static final Set<String> DECISIONS = Set.of("fraud", "cleared");
    public static final Set<String> SCOPES = Set.of("training", "generation");
    /** Play origins where the listener chose what to hear (issue 9: artist-centric doubles them). */
    public static final Set<String> ACTIVE_ORIGINS = Set.of("search", "library", "user_playlist");
    /** Play origins where the service suggested it; null (absent) counts as suggested too. */
    public static final Set<String> SUGGESTED_ORIGINS = Set.of("algorithmic", "editorial", "radio");

    private Vocabulary() {}

    /** True for a known origin; null is known (it means suggested). */
    public static boolean isOrigin(String origin) {
        return origin == null || ACTIVE_ORIGINS.contains(origin) || SUGGESTED_ORIGINS.contains(origin);
    }

    public static boolean isCountry(String c) {
        return c != null && c.length() == 2 && isUpperAz(c.charAt(0)) && isUpperAz(c.charAt(1));
    }

    private static boolean isUpperAz(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }
}
