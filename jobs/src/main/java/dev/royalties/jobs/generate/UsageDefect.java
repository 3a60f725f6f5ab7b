package dev.royalties.jobs.generate;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import java.util.function.Consumer;

/** Every way an ai_usage row can break the contract (spec §3), one field each. */
enum UsageDefect {
    USAGE_ID_NULL("usage_id is null or empty", u -> u.usageId = null),
    USAGE_ID_EMPTY("usage_id is null or empty", u -> u.usageId = ""),
    LICENSEE_ID_NULL("licensee_id is null or empty", u -> u.licenseeId = null),
    LICENSEE_ID_EMPTY("licensee_id is null or empty", u -> u.licenseeId = ""),
    MODEL_ID_NULL("model_id is null or empty", u -> u.modelId = null),
    MODEL_ID_EMPTY("model_id is null or empty", u -> u.modelId = ""),
    TRACK_ID_NULL("track_id is null or empty", u -> u.trackId = null),
    TRACK_ID_EMPTY("track_id is null or empty", u -> u.trackId = ""),
    USED_AT_NULL("used_at is null", u -> u.usedAt = Times.NULL),
    SCOPE_UNKNOWN("scope", u -> u.scope = "inference"),
    SCOPE_CAPITALISED("scope", u -> u.scope = Character.toUpperCase(u.scope.charAt(0)) + u.scope.substring(1)),
    SCOPE_NULL("scope", u -> u.scope = null),
    UNITS_ZERO("units is not positive", u -> u.units = 0),
    UNITS_NEGATIVE("units is not positive", u -> u.units = -u.units),
    UNITS_NULL("units is null", u -> u.units = Nulls.LONG);

    /** How the engine's quarantine reason starts (dev.royalties.rules.EventValidation). */
    final String reasonPrefix;
    private final Consumer<Usage> breaker;

    UsageDefect(String reasonPrefix, Consumer<Usage> breaker) {
        this.reasonPrefix = reasonPrefix;
        this.breaker = breaker;
    }

    void apply(Usage u) {
        breaker.accept(u);
    }
}
