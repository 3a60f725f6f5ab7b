package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import dev.royalties.rules.Policy;
import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accrual operators on Flink's test harnesses: deltas per verdict, and state that is gone once
 * the watermark passes a day's retention (no timers left, no keyed state left).
 */
class AccrueEligiblePlaysTest {
    static final long DAY_MS = 86_400_000L;
    static final long RETENTION = 2 * DAY_MS;
    static final LiveRules RULES = new LiveRules(new Catalogue(
            List.of(new Catalogue.Track("T1", "I1", 200_000, "none"), new Catalogue.Track("T2", "I2", 200_000, "full")),
            List.of(new Catalogue.Right("T1", "A1", 600_000L), new Catalogue.Right("T1", "A2", 400_000L),
                    new Catalogue.Right("T2", "A3", 1_000_000L))), Policy.DEFAULT);

    KeyedBroadcastOperatorTestHarness<String, UserEvent, Verdict, AccrualDelta> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new AccrueEligiblePlays(RULES, RETENTION), UserEvent::userId, Types.STRING,
                AccrueEligiblePlays.BROADCAST_VERDICTS);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static long at(String iso) {
        return Times.parseInstant(iso);
    }

    static UserEvent play(String id, String user, String track, String iso, int ms) {
        return UserEvent.of(new Play(id, user, track, at(iso), ms, "DE", "premium"));
    }

    static Verdict verdict(String id, String type, String subject, String decision, String decidedAt) {
        return new Verdict(id, type, subject, Times.NULL, Times.NULL, decision, at(decidedAt));
    }

    /** Entries of every keyed state (plays, user verdicts) over all keys. */
    int keyedStateEntries() {
        org.apache.flink.runtime.state.KeyedStateBackend<?> backend =
                ((org.apache.flink.streaming.api.operators.AbstractStreamOperator<?>) harness.getOperator())
                        .getKeyedStateBackend();
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    List<String> drain() {
        List<String> out = harness.extractOutputValues().stream()
                .map(d -> d.key.artistId + (d.delta > 0 ? "+" : "-")).sorted().toList();
        harness.getOutput().clear();
        return out;
    }

    @Test
    void onlyPayablePlaysCountAndVerdictsMoveThemOutAndBackIn() throws Exception {
        harness.processElement(play("P1", "U1", "T1", "2026-10-02T10:00:00Z", 40_000), 0);
        harness.processElement(play("P2", "U1", "T1", "2026-10-02T11:00:00Z", 1_000), 0);  // short
        harness.processElement(play("P3", "U1", "T2", "2026-10-02T12:00:00Z", 40_000), 0); // full AI
        harness.processElement(play("P4", "U1", "T9", "2026-10-02T13:00:00Z", 40_000), 0); // unmatched
        harness.processElement(play("P1", "U1", "T1", "2026-10-02T10:05:00Z", 40_000), 0); // later duplicate
        assertThat(drain()).containsExactly("A1+", "A2+");

        harness.processBroadcastElement(verdict("V1", "track", "T1", "fraud", "2026-10-03T00:00:00Z"), 0);
        assertThat(drain()).containsExactly("A1-", "A2-");
        harness.processElement(UserEvent.of(verdict("V2", "user", "U1", "fraud", "2026-10-04T00:00:00Z")), 0);
        assertThat(drain()).isEmpty(); // already out: no double decrement
        harness.processBroadcastElement(verdict("V3", "track", "T1", "cleared", "2026-10-05T00:00:00Z"), 0);
        assertThat(drain()).isEmpty(); // the user verdict still says fraud
        harness.processElement(UserEvent.of(verdict("V4", "user", "U1", "cleared", "2026-10-06T00:00:00Z")), 0);
        assertThat(drain()).containsExactly("A1+", "A2+");
        harness.processBroadcastElement(verdict("V5", "play", "P1", "fraud", "2026-10-07T00:00:00Z"), 0);
        assertThat(drain()).containsExactly("A1-", "A2-");
    }

    @Test
    void keptPlaysSurviveASnapshotAndARestore() throws Exception {
        harness.processElement(play("P1", "U1", "T1", "2026-10-02T10:00:00Z", 40_000), 0);
        harness.processElement(play("P2", "U1", "T1", "2026-10-02T11:00:00Z", 1_000), 0); // short
        assertThat(drain()).containsExactly("A1+", "A2+");
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = new KeyedBroadcastOperatorTestHarness<>(
                new org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator<>(
                        new AccrueEligiblePlays(RULES, RETENTION), List.of(AccrueEligiblePlays.BROADCAST_VERDICTS)),
                UserEvent::userId, Types.STRING, 1, 1, 0);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processElement(play("P1", "U1", "T1", "2026-10-02T10:05:00Z", 40_000), 0); // later duplicate
        assertThat(drain()).isEmpty();
        harness.processElement(UserEvent.of(verdict("V1", "user", "U1", "fraud", "2026-10-04T00:00:00Z")), 0);
        assertThat(drain()).containsExactly("A1-", "A2-");
    }

    @Test
    void stateIsClearedWhenTheWatermarkPassesTheRetentionAndLatePlaysAreNotAccrued() throws Exception {
        harness.processElement(play("P1", "U1", "T1", "2026-10-02T10:00:00Z", 40_000), 0);
        harness.processElement(play("P2", "U2", "T1", "2026-10-03T10:00:00Z", 40_000), 0);
        harness.processElement(new UserEvent() {{ verdict = new Verdict("V1", "user", "U1", Times.NULL,
                at("2026-10-02T11:00:00Z"), "fraud", at("2026-10-05T00:00:00Z")); }}, 0);
        drain();
        assertThat(keyedStateEntries()).isGreaterThan(0);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        long endOfOct2 = at("2026-10-03T00:00:00Z") / 1000;
        harness.processWatermark(endOfOct2 + RETENTION);
        harness.processBroadcastWatermark(endOfOct2 + RETENTION);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // U2's day is still kept
        harness.processWatermark(endOfOct2 + DAY_MS + RETENTION);
        harness.processBroadcastWatermark(endOfOct2 + DAY_MS + RETENTION);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(keyedStateEntries()).isZero();

        harness.processElement(play("P9", "U3", "T1", "2026-10-02T12:00:00Z", 40_000), 0); // beyond retention
        assertThat(drain()).isEmpty();
        assertThat(keyedStateEntries()).isZero();
    }
}
