package dev.royalties.jobs.live;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The eligible plays so far of each (day, artist, country, product), written as absolute counts in
 * batches: absolute values make the PostgreSQL upserts idempotent (a replay after a failure writes
 * the same values again).
 *
 * <p>Deltas are summed in a plain map between flushes; the keyed count (a Long in keyed state, so
 * it rescales and survives failures) is read and written once per changed key and flush, not once
 * per delta. A flush turns every changed key into a row of an {@link AccrualBatch}; it runs on a
 * processing-time interval, before every checkpoint barrier (so a checkpoint never holds a count
 * that was not sent), before a watermark that ends a pending key's day, and at the end of input.
 * While the input is live, flushes follow the interval (freshness first). While it is catching up
 * (the newest event time is more than {@value #CATCH_UP_LAG_MS} ms behind the clock: a backlog after
 * downtime, a replay, or a rate the job cannot follow at that interval), a flush that took d ms
 * (the sink is chained and writes synchronously) is followed by one no sooner than
 * {@value #COALESCE}·d later: changes to the same key coalesce into one row, and PostgreSQL gets at
 * most about a ninth of the counting thread's time until the job has caught up.
 *
 * <p>State: one count per key, dropped with the day (event time: end of day + retention); the row
 * in PostgreSQL stays.
 */
public final class CountAccruals extends AbstractStreamOperator<AccrualBatch>
        implements OneInputStreamOperator<AccrualDelta, AccrualBatch>, Triggerable<AccrualKey, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    /** While catching up, a flush that took d ms is followed by one no sooner than COALESCE × d ms later. */
    static final int COALESCE = 8;
    /** Input whose newest event time is further behind the clock than this is being caught up on. */
    static final long CATCH_UP_LAG_MS = 60_000;
    static final int BATCH_ROWS = 4096;

    private final long retentionMs;
    private final long flushIntervalMs;

    private transient ValueState<Long> count;
    private transient InternalTimerService<VoidNamespace> dayEnds;
    private transient Map<AccrualKey, long[]> pending;
    private transient long earliestPendingHorizon;
    private transient long newestEventMs;
    private transient Counter rowsSent;
    private transient volatile long lastFlushMs;

    public CountAccruals(long retentionMs, long flushIntervalMs) {
        this.retentionMs = retentionMs;
        this.flushIntervalMs = flushIntervalMs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        count = getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("count", Types.LONG));
        dayEnds = getInternalTimerService("accrual-day-ends", VoidNamespaceSerializer.INSTANCE, this);
        pending = new HashMap<>();
        earliestPendingHorizon = Long.MAX_VALUE;
        newestEventMs = Long.MIN_VALUE;
        rowsSent = getMetricGroup().counter("accrualRowsSent");
        getMetricGroup().gauge("lastAccrualFlushMs", () -> lastFlushMs);
        scheduleFlush(flushIntervalMs);
    }

    long horizonMs(int day) {
        return (day + 1L) * AccrueEligiblePlays.DAY_MS + retentionMs;
    }

    @Override
    public void processElement(StreamRecord<AccrualDelta> element) {
        AccrualDelta d = element.getValue();
        if (element.hasTimestamp() && element.getTimestamp() > newestEventMs) {
            newestEventMs = element.getTimestamp();
        }
        long[] sum = pending.get(d.key);
        if (sum == null) {
            pending.put(d.key, new long[] {d.delta});
            earliestPendingHorizon = Math.min(earliestPendingHorizon, horizonMs(d.key.day));
        } else {
            sum[0] += d.delta;
        }
    }

    private void scheduleFlush(long delayMs) {
        long now = getProcessingTimeService().getCurrentProcessingTime();
        getProcessingTimeService().registerTimer(now + delayMs, t -> {
            long took = flush();
            boolean catchingUp = newestEventMs != Long.MIN_VALUE && t - newestEventMs > CATCH_UP_LAG_MS;
            scheduleFlush(catchingUp ? Math.max(flushIntervalMs, COALESCE * took) : flushIntervalMs);
        });
    }

    /** Sends the changed counts; returns how long that took (ms). */
    private long flush() throws Exception {
        if (pending.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        AccrualBatch batch = new AccrualBatch(Math.min(BATCH_ROWS, pending.size()));
        int left = pending.size();
        long sent = 0;
        for (Map.Entry<AccrualKey, long[]> e : pending.entrySet()) {
            AccrualKey k = e.getKey();
            long delta = e.getValue()[0];
            setCurrentKey(k);
            Long before = count.value();
            if (before == null) {
                dayEnds.registerEventTimeTimer(VoidNamespace.INSTANCE, horizonMs(k.day));
            }
            if (before == null || delta != 0) {
                long now = (before == null ? 0 : before) + delta;
                count.update(now);
                batch.add(k, now);
                sent++;
            }
            left--;
            if (batch.isFull()) {
                output.collect(new StreamRecord<>(batch));
                batch = new AccrualBatch(Math.min(BATCH_ROWS, Math.max(left, 1)));
            }
        }
        if (batch.size > 0) {
            output.collect(new StreamRecord<>(batch.trimmed()));
        }
        rowsSent.inc(sent);
        pending.clear();
        earliestPendingHorizon = Long.MAX_VALUE;
        lastFlushMs = (System.nanoTime() - start) / 1_000_000;
        return lastFlushMs;
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() >= earliestPendingHorizon) {
            flush(); // the last changes of a day go out before its count is dropped
        }
        super.processWatermark(mark);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void onEventTime(InternalTimer<AccrualKey, VoidNamespace> timer) {
        count.clear();
    }

    @Override
    public void onProcessingTime(InternalTimer<AccrualKey, VoidNamespace> timer) {}
}
