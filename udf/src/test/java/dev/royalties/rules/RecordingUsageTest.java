package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingUsageTest {
    static final Catalogue CATALOGUE = new Catalogue(List.of(
            new Catalogue.Track("T1", "ISRC1", 200_000, "none"), new Catalogue.Track("T2", "ISRC2", 200_000, "none"),
            new Catalogue.Track("T3", "ISRC3", 200_000, "none")), List.of());

    static PlayTally tally(String track, PlayStatus status, long n) {
        PlayTally t = new PlayTally("SE", "student", track);
        t.byStatus[status.ordinal()] = n;
        return t;
    }

    static PoolReconciliation pool(long allocatedCents) {
        return new PoolReconciliation("catalogue", "SE", "student", null, "EUR", allocatedCents, allocatedCents, 0,
                0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void theRecordingsAddUpToTheAllocatedAmountAndTiesGoToTheSmallerTrackId() {
        List<PlayTally> tallies = List.of(tally("T2", PlayStatus.ELIGIBLE, 1), tally("T1", PlayStatus.ELIGIBLE, 1),
                tally("T3", PlayStatus.ELIGIBLE, 1), tally("T3", PlayStatus.FRAUD, 4));
        List<RecordingUsage.Row> rows = RecordingUsage.forPool(pool(100), tallies,
                RecordingUsage.proRataWeights(tallies), CATALOGUE);
        assertThat(rows).extracting(RecordingUsage.Row::trackId).containsExactly("T1", "T2", "T3");
        assertThat(rows).extracting(RecordingUsage.Row::amountCents).containsExactly(34L, 33L, 33L);
        assertThat(rows.get(2).fraudStreams()).isEqualTo(4);
        assertThat(rows.get(0).isrc()).isEqualTo("ISRC1");
    }

    @Test
    void aRecordingWithOnlyExcludedPlaysGetsARowAndNothingAndAnUnknownTrackHasNoIsrc() {
        List<PlayTally> tallies = List.of(tally("T1", PlayStatus.ELIGIBLE, 3), tally("TX", PlayStatus.UNMATCHED, 2));
        List<RecordingUsage.Row> rows = RecordingUsage.forPool(pool(1000), tallies,
                RecordingUsage.proRataWeights(tallies), CATALOGUE);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).isrc()).isNull();
        assertThat(rows.get(1).amountCents()).isZero();
        assertThat(rows.get(0).amountCents()).isEqualTo(1000);
    }

    @Test
    void proRataWithoutAMapOfWeightsGivesTheSameRows() {
        List<PlayTally> tallies = List.of(tally("T2", PlayStatus.ELIGIBLE, 5), tally("T1", PlayStatus.ELIGIBLE, 2),
                tally("T3", PlayStatus.ELIGIBLE, 1), tally("T3", PlayStatus.ELIGIBLE, 3), tally("T3", PlayStatus.SHORT, 4),
                tally("TX", PlayStatus.UNMATCHED, 2));
        assertThat(RecordingUsage.forPool(pool(1001), tallies, CATALOGUE))
                .isEqualTo(RecordingUsage.forPool(pool(1001), tallies, RecordingUsage.proRataWeights(tallies), CATALOGUE))
                .extracting(RecordingUsage.Row::amountCents).containsExactly(182L, 455L, 364L, 0L);
    }

    @Test
    void talliesWithAndWithoutATrackIndexComeInTrackIdOrder() {
        java.util.Random random = new java.util.Random(3);
        for (boolean catalogueInOrder : new boolean[] {true, false}) {
            List<PlayTally> tallies = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                PlayTally t = new PlayTally("DE", "premium", String.format("T%04d", i));
                t.trackIndex = i % 3 == 0 ? -1 : i; // the indexes follow the ids' order, as a catalogue's do
                tallies.add(t);
            }
            if (!catalogueInOrder) {
                java.util.Collections.shuffle(tallies, random);
            } else { // as a ledger hands them out: the catalogue's tracks in index order, then the others
                tallies.sort(java.util.Comparator.comparing((PlayTally t) -> t.trackIndex < 0));
            }
            List<String> ids = RecordingUsage.inTrackOrder(tallies).stream().map(t -> t.trackId).toList();
            assertThat(ids).as("catalogue in order: " + catalogueInOrder).hasSize(300).isSorted();
        }
    }

    @Test
    void theWeightsAreAnInput() {
        List<PlayTally> tallies = List.of(tally("T1", PlayStatus.ELIGIBLE, 1), tally("T2", PlayStatus.ELIGIBLE, 1));
        List<RecordingUsage.Row> rows = RecordingUsage.forPool(pool(300), tallies, Map.of("T1", 2L, "T2", 1L),
                CATALOGUE);
        assertThat(rows).extracting(RecordingUsage.Row::amountCents).containsExactly(200L, 100L);
    }

    @Test
    void moneyWithoutAnyWeightIsAnErrorNotALoss() {
        List<PlayTally> tallies = List.of(tally("T1", PlayStatus.FRAUD, 1));
        assertThatThrownBy(() -> RecordingUsage.forPool(pool(100), tallies, Map.of(), CATALOGUE))
                .isInstanceOf(IllegalStateException.class);
    }
}
