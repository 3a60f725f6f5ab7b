package dev.royalties.jobs.monthly;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * A two-input operator that reads all of its second (broadcast) input before any of its first:
 * how a per-user stage waits for a total of the whole period (the threshold's verdicts, the pools'
 * user parts) without a second pass over the plays. Like {@link EndOfInputOperator}, it combines
 * locally and emits when its first input ends.
 */
abstract class BroadcastFirstOperator<IN, B, OUT> extends AbstractStreamOperator<OUT>
        implements TwoInputStreamOperator<IN, B, OUT>, InputSelectable, BoundedMultiInput {
    private static final long serialVersionUID = 1L;

    private transient List<B> broadcast;
    private transient boolean broadcastDone;

    @Override
    public void open() throws Exception {
        super.open();
        broadcast = new ArrayList<>();
    }

    @Override
    public InputSelection nextSelection() {
        return broadcastDone ? InputSelection.FIRST : InputSelection.SECOND;
    }

    @Override
    public final void processElement1(StreamRecord<IN> element) throws Exception {
        if (!broadcastDone) {
            throw new IllegalStateException(getOperatorName() + " got its input before its broadcast ended");
        }
        onElement(element.getValue());
    }

    @Override
    public final void processElement2(StreamRecord<B> element) {
        broadcast.add(element.getValue());
    }

    @Override
    public final void endInput(int inputId) throws Exception {
        if (inputId == 2) {
            broadcastDone = true;
            onBroadcast(broadcast);
            broadcast = null;
        } else {
            onEnd();
            release();
        }
    }

    protected abstract void onBroadcast(List<B> all) throws Exception;

    protected abstract void onElement(IN in) throws Exception;

    protected abstract void onEnd() throws Exception;

    /** Drops the operator's aggregates once {@link #onEnd} has emitted them (see EndOfInputOperator). */
    protected void release() {}

    protected void emit(OUT value) {
        output.collect(new StreamRecord<>(value));
    }

    protected <X> void emit(OutputTag<X> tag, X value) {
        output.collect(tag, new StreamRecord<>(value));
    }
}
