package dev.royalties.rules;

import java.util.Locale;

/**
 * How a catalogue pool is shared among artists (issue 9, docs/models.md). The rules of §4 decide
 * which plays count; the model decides what a counted play weighs.
 */
public enum PaymentModel {
    /** Spec §4: each eligible play weighs its track's shares. */
    PRO_RATA,
    /** Deezer-style: professional artists ×2, plays the listener chose ×2. */
    ARTIST_CENTRIC,
    /** Each user's equal part of the pool goes to what that user played. */
    USER_CENTRIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PaymentModel parse(String text) {
        for (PaymentModel m : values()) {
            if (m.label().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown payment model '" + text + "' (use pro-rata, artist-centric or user-centric)");
    }
}
