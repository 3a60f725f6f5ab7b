package dev.royalties.jobs.monthly;

import dev.royalties.rules.EventContract;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Period;
import dev.royalties.rules.QuarantineRow;
import org.apache.flink.api.common.accumulators.LongCounter;

/**
 * Spec §3 for event rows: invalid rows of the period (or with no timestamp) go to quarantine with
 * their reason, valid rows outside the period are counted and dropped, the rest flow on.
 */
final class ValidateEvents<T> extends EndOfInputOperator<T, T> {
    private static final long serialVersionUID = 1L;
    /** The progress count is published once per this many rows, off the per-row path. */
    private static final long PROGRESS_EVERY = 4096;

    private final EventContract<T> contract;
    private final Period period;
    private long read;
    private long quarantined;
    private long invalidOtherPeriods;
    private long outOfPeriod;
    private transient LongCounter progress;

    ValidateEvents(EventContract<T> contract, Period period) {
        this.contract = contract;
        this.period = period;
    }

    @Override
    public void open() throws Exception {
        super.open();
        progress = new LongCounter();
        getRuntimeContext().addAccumulator(RunProgress.accumulator(contract.table()), progress);
    }

    @Override
    protected void onElement(T row) {
        if (++read % PROGRESS_EVERY == 0) {
            progress.add(PROGRESS_EVERY);
        }
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
        progress.add(read % PROGRESS_EVERY);
        String t = contract.table();
        emit(Streams.PARTIALS, Partial.counter(t + ".read", read));
        emit(Streams.PARTIALS, Partial.counter(t + ".quarantined", quarantined));
        emit(Streams.PARTIALS, Partial.counter(t + ".invalid_other_periods", invalidOtherPeriods));
        emit(Streams.PARTIALS, Partial.counter(t + ".out_of_period", outOfPeriod));
    }
}
