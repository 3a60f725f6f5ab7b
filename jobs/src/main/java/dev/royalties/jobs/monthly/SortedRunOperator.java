package dev.royalties.jobs.monthly;

/**
 * An operator behind a keyBy that works on the runs of equal keys the BATCH sort delivers, and keeps
 * no keyed state and no timers. It tells Flink it has no key context, so the runtime does not set
 * the current key for every record: with a keyed reduce that bookkeeping (the batch state backend
 * and its timer service, one hash lookup per record) was 15 % of the monthly job's CPU.
 */
abstract class SortedRunOperator<IN, OUT> extends EndOfInputOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean hasKeyContext1() {
        return false;
    }
}
