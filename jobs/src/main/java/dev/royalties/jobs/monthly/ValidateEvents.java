package dev.royalties.jobs.monthly;

import dev.royalties.rules.EventContract;
import dev.royalties.rules.Period;

/** Spec §3 for the rows of an event table ({@link EventTriage}): the valid rows of the period flow on. */
final class ValidateEvents<T> extends EndOfInputOperator<T, T> {
    private static final long serialVersionUID = 1L;

    private final EventTriage<T> triage;

    ValidateEvents(EventContract<T> contract, Period period) {
        this.triage = new EventTriage<>(contract, period);
    }

    @Override
    public void open() throws Exception {
        super.open();
        triage.open(getRuntimeContext());
    }

    @Override
    protected void onElement(T row) {
        if (triage.admit(row, q -> emit(Streams.QUARANTINE, q))) {
            emit(row);
        }
    }

    @Override
    protected void onEnd() {
        triage.end(p -> emit(Streams.PARTIALS, p));
    }
}
