package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.TallyRun;
import dev.royalties.rules.Policy;
import dev.royalties.rules.VerdictIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The per-user stage on its own (user-first pipeline): each user's copies de-duplicated, capped and
 * counted into one ledger that leaves at the end of input; after that the operator holds nothing,
 * because Flink keeps a finished operator reachable until the job ends (issue 10, the allocation's
 * full collections).
 */
class GroupUserPlaysHarnessTest {
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(new Catalogue.Track("T1", null, 200_000, "none"), new Catalogue.Track("T2", null, 200_000, "none")),
            List.of(new Catalogue.Right("T1", "A1", 1_000_000L), new Catalogue.Right("T2", "A2", 1_000_000L)));

    private static Play play(String id, String user, String track, long at) {
        return new Play(id, user, track, at, 40_000, "FR", "premium");
    }

    @Test
    void emitsOneTallyPerPoolAndTrackAtTheEndAndThenHoldsNothing() throws Exception {
        Policy policy = new Policy(30_000, 2);
        GroupUserPlays op = new GroupUserPlays(CATALOGUE, policy, Set.of("FR\u0000premium"),
                new CandidatePlays(new PlayClassifier(VerdictIndex.empty(), CATALOGUE, policy), CATALOGUE));
        try (OneInputStreamOperatorTestHarness<UserPlayBlock, Play> h = new OneInputStreamOperatorTestHarness<>(op)) {
            h.open();
            // U1: three plays of T1 and a second copy of P1 (cap 2: one capped); U2: one play of T2.
            for (UserPlayBlock b : UserPlayRecords.received(List.of(play("P1", "U1", "T1", 1),
                    play("P1", "U1", "T1", 1), play("P2", "U1", "T1", 2), play("P3", "U1", "T1", 3),
                    play("P4", "U2", "T2", 4)))) {
                h.processElement(new StreamRecord<>(b));
            }
            assertThat(op.holdsState()).isTrue();
            h.endInput();

            List<String> tallies = new ArrayList<>();
            ConcurrentLinkedQueue<StreamRecord<Partial>> partials = h.getSideOutput(Streams.PARTIALS);
            long duplicates = -1;
            for (StreamRecord<Partial> r : partials) {
                Partial p = r.getValue();
                if (p.run != null) { // the worker's ledger leaves as runs of catalogue tracks
                    for (int i = 0; i < p.run.size; i++) {
                        int at = i * TallyRun.STRIDE;
                        tallies.add(CATALOGUE.trackIdAt(p.run.indexes[i]) + " eligible "
                                + p.run.counts[at + PlayStatus.ELIGIBLE.ordinal()]
                                + " capped " + p.run.counts[at + PlayStatus.CAPPED.ordinal()]);
                    }
                } else if (p.plays != null) {
                    for (PlayTally t : p.plays) {
                        tallies.add(t.trackId + " eligible " + t.byStatus[PlayStatus.ELIGIBLE.ordinal()]
                                + " capped " + t.byStatus[PlayStatus.CAPPED.ordinal()]);
                    }
                } else if ("plays.duplicates".equals(p.counter)) {
                    duplicates = p.value;
                }
            }
            assertThat(tallies).containsExactlyInAnyOrder("T1 eligible 2 capped 1", "T2 eligible 1 capped 0");
            assertThat(duplicates).isEqualTo(1);
            assertThat(op.holdsState()).as("released after its tallies left").isFalse();
        }
    }
}
