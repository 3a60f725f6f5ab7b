package dev.royalties.jobs.monthly;

import dev.royalties.rules.EventContract;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Period;
import dev.royalties.rules.QuarantineRow;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * Spec §3 for event rows, and what it counts: invalid rows of the period (or with no timestamp) go
 * to quarantine with their reason, valid rows outside the period are counted and dropped, the rest
 * flow on. One instance per operator instance; the operators that validate rows share it.
 */
final class EventTriage<T> implements Serializable {
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

    EventTriage(EventContract<T> contract, Period period) {
        this.contract = contract;
        this.period = period;
    }

    void open(RuntimeContext context) {
        progress = new LongCounter();
        context.addAccumulator(RunProgress.accumulator(contract.table()), progress);
    }

    /** Whether the row flows on; a row that does not is counted, and quarantined if this period reports it. */
    boolean admit(T row, Consumer<QuarantineRow> quarantine) {
        countRead();
        String problem = contract.problem(row);
        long ts = contract.timestamp(row);
        if (problem != null) {
            if (EventValidation.quarantinedIn(period, ts)) {
                quarantined++;
                quarantine.accept(new QuarantineRow(contract.table(), contract.json(row), problem));
            } else {
                invalidOtherPeriods++;
            }
            return false;
        }
        if (!period.contains(ts)) {
            outOfPeriod++;
            return false;
        }
        return true;
    }

    /** A row the reader already found valid and in the period: counted as read, nothing else. */
    void countRead() {
        if (++read % PROGRESS_EVERY == 0) {
            progress.add(PROGRESS_EVERY);
        }
    }

    /** The counters, once the input has ended. */
    void end(Consumer<Partial> out) {
        progress.add(read % PROGRESS_EVERY);
        String t = contract.table();
        out.accept(Partial.counter(t + ".read", read));
        out.accept(Partial.counter(t + ".quarantined", quarantined));
        out.accept(Partial.counter(t + ".invalid_other_periods", invalidOtherPeriods));
        out.accept(Partial.counter(t + ".out_of_period", outOfPeriod));
    }
}
