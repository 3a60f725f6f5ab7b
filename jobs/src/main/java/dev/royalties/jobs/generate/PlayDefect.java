package dev.royalties.jobs.generate;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import java.util.function.Consumer;

/** Every way a plays row can break the contract (spec §3), one field each, as upstream bugs do. */
enum PlayDefect {
    PLAY_ID_NULL("play_id is null or empty", p -> p.playId = null),
    PLAY_ID_EMPTY("play_id is null or empty", p -> p.playId = ""),
    USER_ID_NULL("user_id is null or empty", p -> p.userId = null),
    USER_ID_EMPTY("user_id is null or empty", p -> p.userId = ""),
    TRACK_ID_NULL("track_id is null or empty", p -> p.trackId = null),
    TRACK_ID_EMPTY("track_id is null or empty", p -> p.trackId = ""),
    PLAYED_AT_NULL("played_at is null", p -> p.playedAt = Times.NULL),
    MS_PLAYED_NULL("ms_played is null", p -> p.msPlayed = Nulls.INT),
    MS_PLAYED_NEGATIVE("ms_played is negative", p -> p.msPlayed = -1 - p.msPlayed % 5_000),
    COUNTRY_LOWER_CASE("country", p -> p.country = p.country.toLowerCase(java.util.Locale.ROOT)),
    COUNTRY_ALPHA3("country", p -> p.country = Markets.ALL.get(Markets.index(p.country)).alpha3()),
    COUNTRY_NULL("country", p -> p.country = null),
    PRODUCT_UNKNOWN("product", p -> p.product = "vip"),
    PRODUCT_CAPITALISED("product", p -> p.product = Character.toUpperCase(p.product.charAt(0))
            + p.product.substring(1)),
    PRODUCT_NULL("product", p -> p.product = null);

    private static final PlayDefect[] VALUES = values();

    /** How the engine's quarantine reason starts (dev.royalties.rules.EventValidation). */
    final String reasonPrefix;
    private final Consumer<Play> breaker;

    PlayDefect(String reasonPrefix, Consumer<Play> breaker) {
        this.reasonPrefix = reasonPrefix;
        this.breaker = breaker;
    }

    void apply(Play p) {
        breaker.accept(p);
    }

    static PlayDefect of(int ordinal) {
        return VALUES[ordinal];
    }
}
