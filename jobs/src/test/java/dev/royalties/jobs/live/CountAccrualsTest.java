package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The counting operator on Flink's test harness: absolute counts, summed between flushes, sent on
 * the interval, before a checkpoint barrier and before a day's end; state gone with the day; counts
 * survive a snapshot and restore.
 */
class CountAccrualsTest {
    static final long DAY_MS = 86_400_000L;
    static final long RETENTION = 2 * DAY_MS;
    static final int DAY = 20_363; // 2025-10-02
    static final long FLUSH_MS = 1_000;

    static KeyedOneInputStreamOperatorTestHarness<AccrualKey, AccrualDelta, AccrualBatch> harness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<AccrualKey, AccrualDelta, AccrualBatch> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new CountAccruals(RETENTION, FLUSH_MS), AccrualDelta::key,
                        LiveTypes.ACCRUAL_KEY);
        h.setProcessingTime(0);
        return h;
    }

    static AccrualDelta delta(String artist, int d) {
        return new AccrualDelta(DAY, artist, "DE", "premium", d);
    }

    /** Every row sent so far, in key order, and the number of batches they came in. */
    static List<String> rows(KeyedOneInputStreamOperatorTestHarness<AccrualKey, AccrualDelta, AccrualBatch> h) {
        List<String> out = new ArrayList<>();
        for (AccrualBatch b : h.extractOutputValues()) {
            for (int i = 0; i < b.size; i++) {
                out.add(b.artistIds[i] + "=" + b.eligiblePlays[i]);
            }
        }
        out.sort(Comparator.naturalOrder());
        h.getOutput().clear();
        return out;
    }

    @Test
    void deltasAreSummedAndSentAsAbsoluteCountsOncePerInterval() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(delta("A1", +1), 0);
            h.processElement(delta("A1", +1), 0);
            h.processElement(delta("A1", -1), 0);
            h.processElement(delta("A2", +1), 0);
            assertThat(h.extractOutputValues()).isEmpty();
            h.setProcessingTime(FLUSH_MS);
            assertThat(h.extractOutputValues()).hasSize(1); // one batch for the flush
            assertThat(rows(h)).containsExactly("A1=1", "A2=1");

            h.processElement(delta("A1", +1), 0);
            h.processElement(delta("A1", -1), 0); // net zero on a known key: nothing to write
            h.processElement(delta("A2", +1), 0);
            h.setProcessingTime(2 * FLUSH_MS);
            assertThat(rows(h)).containsExactly("A2=2");
            h.setProcessingTime(3 * FLUSH_MS);
            assertThat(rows(h)).isEmpty();
        }
    }

    @Test
    void pendingChangesGoOutBeforeACheckpointBarrierAndSurviveRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(delta("A1", +1), 0);
            h.processElement(delta("A1", +1), 0);
            h.prepareSnapshotPreBarrier(1);
            assertThat(rows(h)).containsExactly("A1=2");
            snapshot = h.snapshot(1, 0);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(delta("A1", +1), 0);
            h.setProcessingTime(FLUSH_MS);
            assertThat(rows(h)).containsExactly("A1=3");
        }
    }

    @Test
    void aDaysCountsGoOutAndLeaveStateWhenTheWatermarkPassesItsRetention() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(delta("A1", +1), 0);
            h.setProcessingTime(FLUSH_MS);
            rows(h);
            h.processElement(delta("A1", +1), 0);
            h.processElement(new AccrualDelta(DAY + 1, "A9", "DE", "premium", +1), 0);
            h.processWatermark((DAY + 1L) * DAY_MS); // not yet: nothing forced out
            assertThat(rows(h)).isEmpty();
            h.processWatermark((DAY + 1L) * DAY_MS + RETENTION); // end of retention: last write, then gone
            assertThat(rows(h)).containsExactly("A1=2", "A9=1");
            assertThat(h.numKeyedStateEntries()).isEqualTo(1); // A9's day is still kept
            h.processWatermark((DAY + 2L) * DAY_MS + RETENTION);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void largeFlushesAreSplitIntoBatches() throws Exception {
        try (var h = harness()) {
            h.open();
            int keys = CountAccruals.BATCH_ROWS * 2 + 5;
            for (int i = 0; i < keys; i++) {
                h.processElement(delta("A" + i, +1), 0);
            }
            h.setProcessingTime(FLUSH_MS);
            List<AccrualBatch> batches = h.extractOutputValues();
            assertThat(batches).extracting(b -> b.size)
                    .containsExactly(CountAccruals.BATCH_ROWS, CountAccruals.BATCH_ROWS, 5);
            assertThat(batches).allSatisfy(b -> assertThat(b.days).hasSize(b.size));
        }
    }
}
