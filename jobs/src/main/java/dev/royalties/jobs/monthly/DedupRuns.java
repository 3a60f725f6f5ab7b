package dev.royalties.jobs.monthly;

import java.io.Serializable;

/**
 * De-duplication (spec §3) over rows sorted by their key: the copies of one event arrive one after
 * another, so merging each run needs neither keyed state nor a timer per key. The key is compared
 * exactly, so rows whose ids merely share the shuffle's hash stay apart.
 */
final class DedupRuns<T> extends SortedRunOperator<T, T> {
    private static final long serialVersionUID = 1L;

    /** The event's key (play_id, usage_id) and how two copies merge into the winner. */
    interface Rule<T> extends Serializable {
        String id(T row);

        T merge(T a, T b);
    }

    private final Rule<T> rule;
    private transient T run;

    DedupRuns(Rule<T> rule) {
        this.rule = rule;
    }

    @Override
    protected void onElement(T row) {
        if (run != null && rule.id(run).equals(rule.id(row))) {
            run = rule.merge(run, row);
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
