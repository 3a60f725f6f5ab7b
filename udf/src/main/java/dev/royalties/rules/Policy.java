package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's policy knobs: what counts as a stream and the per-user monthly cap (spec §4), track
 * eligibility across months, and the payment model with the ones computed beside it (issue 9).
 *
 * @param compareModels the models computed in the same run for model_comparison (empty = none);
 *                      it always contains {@code model} when not empty
 */
public record Policy(int minPlayMs, long userMonthlyCap, long minTrackStreams, long minTrackListeners,
                     PaymentModel model, long professionalStreams, long professionalListeners,
                     List<PaymentModel> compareModels) implements Serializable {
    public static final Policy DEFAULT = new Policy(30_000, 0);
    public static final long DEFAULT_PROFESSIONAL_STREAMS = 1_000;
    public static final long DEFAULT_PROFESSIONAL_LISTENERS = 500;

    public Policy(int minPlayMs, long userMonthlyCap) {
        this(minPlayMs, userMonthlyCap, 0, 0, PaymentModel.PRO_RATA, DEFAULT_PROFESSIONAL_STREAMS,
                DEFAULT_PROFESSIONAL_LISTENERS, List.of());
    }

    public Policy {
        if (minPlayMs < 0) {
            throw new IllegalArgumentException("--min-play-ms must be >= 0, got " + minPlayMs);
        }
        if (userMonthlyCap < 0) {
            throw new IllegalArgumentException("--user-monthly-cap must be >= 0 (0 = no cap), got " + userMonthlyCap);
        }
        if (minTrackStreams < 0 || minTrackListeners < 0) {
            throw new IllegalArgumentException("--min-track-streams and --min-track-listeners must be >= 0 (0 = off)");
        }
        if (professionalStreams < 0 || professionalListeners < 0) {
            throw new IllegalArgumentException("--professional-streams and --professional-listeners must be >= 0");
        }
        List<PaymentModel> compared = new ArrayList<>();
        for (PaymentModel m : compareModels) {
            if (!compared.contains(m)) {
                compared.add(m);
            }
        }
        if (!compared.isEmpty() && !compared.contains(model)) {
            compared.add(0, model);
        }
        compareModels = List.copyOf(compared);
    }

    public boolean capped() {
        return userMonthlyCap > 0;
    }

    /** True when a track may be below the threshold: its plays then wait for the period's totals. */
    public boolean thresholdOn() {
        return minTrackStreams > 0 || minTrackListeners > 0;
    }

    /** Every model this run computes: the paying one first, then the compared ones. */
    public List<PaymentModel> models() {
        return compareModels.isEmpty() ? List.of(model) : compareModels;
    }

    public boolean computes(PaymentModel m) {
        return models().contains(m);
    }

    public Policy withModels(PaymentModel paying, List<PaymentModel> compared) {
        return new Policy(minPlayMs, userMonthlyCap, minTrackStreams, minTrackListeners, paying, professionalStreams,
                professionalListeners, compared);
    }

    public Policy withThreshold(long streams, long listeners) {
        return new Policy(minPlayMs, userMonthlyCap, streams, listeners, model, professionalStreams,
                professionalListeners, compareModels);
    }

    public Policy withProfessional(long streams, long listeners) {
        return new Policy(minPlayMs, userMonthlyCap, minTrackStreams, minTrackListeners, model, streams, listeners,
                compareModels);
    }
}
