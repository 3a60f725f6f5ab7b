package dev.royalties.jobs.monthly;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * An operator that aggregates locally and emits when its input ends. It is how the monthly job
 * combines before it shuffles: 20 million plays become a few thousand tallies per worker, so no
 * hot track or heavy user skews the final, single-parallelism allocation.
 */
abstract class EndOfInputOperator<IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    @Override
    public final void processElement(StreamRecord<IN> element) throws Exception {
        onElement(element.getValue());
    }

    @Override
    public final void endInput() throws Exception {
        onEnd();
        release();
    }

    protected abstract void onElement(IN in) throws Exception;

    protected abstract void onEnd() throws Exception;

    /**
     * Drops the operator's aggregates once {@link #onEnd} has emitted them. Flink keeps a finished
     * operator reachable until the whole job ends: the per-user stage's tallies (millions of objects
     * on a large month) stayed live through the allocation and cost it two full collections.
     */
    protected void release() {}

    protected void emit(OUT value) {
        output.collect(new StreamRecord<>(value));
    }

    protected <X> void emit(OutputTag<X> tag, X value) {
        output.collect(tag, new StreamRecord<>(value));
    }
}
