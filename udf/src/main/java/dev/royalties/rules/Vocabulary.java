package dev.royalties.rules;

import java.util.Set;

/** The closed value sets of the data contract (spec §2). */
public final class Vocabulary {
    public static final Set<String> PRODUCTS = Set.of("premium", "family", "student", "free");
    public static final Set<String> AI_CONTENT = Set.of("none", "assisted", "full");
    public static final Set<String> SUBJECT_TYPES = Set.of("play", "user", "track");
    public static final Set<String> DECISIONS = Set.of("fraud", "cleared");
    public static final Set<String> SCOPES = Set.of("training", "generation");

    private Vocabulary() {}

    public static boolean isCountry(String c) {
        return c != null && c.length() == 2 && isUpperAz(c.charAt(0)) && isUpperAz(c.charAt(1));
    }

    private static boolean isUpperAz(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }
}
