package dev.royalties.jobs.monthly;

import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * De-duplication (spec §3) over rows sorted by their key: the copies of one event arrive one after
 * another, so merging each run needs neither keyed state nor a timer per key. The key is compared
 * exactly, so rows whose ids merely share the shuffle's hash stay apart.
 */
final class DedupRuns<T> extends SortedRunOperator<T, T> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T, String> id;
    private final ReduceFunction<T> merge;
    private transient T run;

    /** @param id the event's key (play_id, usage_id); @param merge how two copies become the winner */
    DedupRuns(KeySelector<T, String> id, ReduceFunction<T> merge) {
        this.id = id;
        this.merge = merge;
    }

    @Override
    protected void onElement(T row) throws Exception {
        if (run != null && id.getKey(run).equals(id.getKey(row))) {
            run = merge.reduce(run, row);
            return;
        }
        if (run != null) {
            emit(run);
        }
        run = row;
    }

    @Override
    protected void onEnd() {
        if (run != null) {
            emit(run);
            run = null;
        }
    }
}
