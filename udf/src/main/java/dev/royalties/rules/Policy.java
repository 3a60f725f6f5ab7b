package dev.royalties.rules;

import java.io.Serializable;

/** The run's policy knobs (spec §4): what counts as a stream and the per-user monthly cap. */
public record Policy(int minPlayMs, long userMonthlyCap) implements Serializable {
    public static final Policy DEFAULT = new Policy(30_000, 0);

    public Policy {
        if (minPlayMs < 0) {
            throw new IllegalArgumentException("--min-play-ms must be >= 0, got " + minPlayMs);
        }
        if (userMonthlyCap < 0) {
            throw new IllegalArgumentException("--user-monthly-cap must be >= 0 (0 = no cap), got " + userMonthlyCap);
        }
    }

    public boolean capped() {
        return userMonthlyCap > 0;
    }
}
