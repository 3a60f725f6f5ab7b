package dev.royalties.jobs.live;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums the +1/-1 of one (day, artist, country, product) and emits the absolute count, at most once
 * per flush interval (processing time), so that a hot key costs one upsert per interval, not one
 * per play. Absolute counts make the PostgreSQL upserts idempotent: a replay after a failure writes
 * the same values again. State: one count per key, dropped with the day (end of day + retention,
 * event time) after a last flush; the row in PostgreSQL stays. At the end of a bounded input the
 * watermark jumps to MAX, so every key gets that last flush.
 */
public final class CountAccruals extends KeyedProcessFunction<String, AccrualDelta, Accrual> {
    private static final long serialVersionUID = 1L;

    private final long retentionMs;
    private final long flushIntervalMs;

    private transient ValueState<Long> count;
    private transient ValueState<Long> flushAt;
    private transient ValueState<AccrualDelta> identity;

    public CountAccruals(long retentionMs, long flushIntervalMs) {
        this.retentionMs = retentionMs;
        this.flushIntervalMs = flushIntervalMs;
    }

    @Override
    public void open(OpenContext ctx) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
        identity = getRuntimeContext().getState(new ValueStateDescriptor<>("key-fields",
                org.apache.flink.api.common.typeinfo.TypeInformation.of(AccrualDelta.class)));
    }

    @Override
    public void processElement(AccrualDelta d, Context ctx, Collector<Accrual> out) throws Exception {
        Long c = count.value();
        if (c == null) {
            identity.update(new AccrualDelta(d.day, d.artistId, d.country, d.product, 0));
            // Also fires at the end of a bounded input (watermark MAX): last flush, then gone.
            ctx.timerService().registerEventTimeTimer((d.day + 1L) * AccrueEligiblePlays.DAY_MS + retentionMs);
            c = 0L;
        }
        count.update(c + d.delta);
        if (flushAt.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + flushIntervalMs;
            flushAt.update(at);
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Accrual> out) throws Exception {
        if (flushAt.value() != null) {
            AccrualDelta k = identity.value();
            out.collect(new Accrual(k.day, k.artistId, k.country, k.product, count.value()));
            if (ctx.timeDomain() != TimeDomain.PROCESSING_TIME) {
                ctx.timerService().deleteProcessingTimeTimer(flushAt.value());
            }
            flushAt.clear();
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            count.clear();
            identity.clear();
        }
    }
}
