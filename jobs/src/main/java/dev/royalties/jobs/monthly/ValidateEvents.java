package dev.royalties.jobs.monthly;

import dev.royalties.rules.EventContract;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Period;
import dev.royalties.rules.QuarantineRow;

/**
 * Spec §3 for event rows: invalid rows of the period (or with no timestamp) go to quarantine with
 * their reason, valid rows outside the period are counted and dropped, the rest flow on.
 */
final class ValidateEvents<T> extends EndOfInputOperator<T, T> {
    private static final long serialVersionUID = 1L;

    private final EventContract<T> contract;
    private final Period period;
    private long read;
    private long quarantined;
    private long invalidOtherPeriods;
    private long outOfPeriod;

    ValidateEvents(EventContract<T> contract, Period period) {
        this.contract = contract;
        this.period = period;
    }

    @Override
    protected void onElement(T row) {
        read++;
        String problem = contract.problem(row);
        long ts = contract.timestamp(row);
        if (problem != null) {
            if (EventValidation.quarantinedIn(period, ts)) {
                quarantined++;
                emit(Streams.QUARANTINE, new QuarantineRow(contract.table(), contract.json(row), problem));
            } else {
                invalidOtherPeriods++;
            }
        } else if (period.contains(ts)) {
            emit(row);
        } else {
            outOfPeriod++;
        }
    }

    @Override
    protected void onEnd() {
        String t = contract.table();
        emit(Streams.PARTIALS, Partial.counter(t + ".read", read));
        emit(Streams.PARTIALS, Partial.counter(t + ".quarantined", quarantined));
        emit(Streams.PARTIALS, Partial.counter(t + ".invalid_other_periods", invalidOtherPeriods));
        emit(Streams.PARTIALS, Partial.counter(t + ".out_of_period", outOfPeriod));
    }
}
