package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.play;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's track index and what counts through it (issue 10): the same figures as counting
 * by track_id, whatever mix of plays with and without known credits.
 */
class TrackIndexTest {
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(track("T2", "none"), track("T10", "none"), track("T1", "full"), track("T3", "none")),
            List.of(right("T2", "A", ONE), right("T10", "A", ONE), right("T1", "B", ONE), right("TX", "C", ONE)));

    @Test
    void matchedTracksAreNumberedInTrackIdOrderAndUnmatchedOnesHaveNoIndex() {
        assertThat(CATALOGUE.indexOf("T1")).isZero();
        assertThat(CATALOGUE.indexOf("T10")).isEqualTo(1);
        assertThat(CATALOGUE.indexOf("T2")).isEqualTo(2);
        assertThat(CATALOGUE.indexOf("T3")).isEqualTo(-1); // in tracks, no rights
        assertThat(CATALOGUE.indexOf("TX")).isEqualTo(-1); // rights, not in tracks
        assertThat(CATALOGUE.credits("T10").index()).isEqualTo(1);
    }

    @Test
    void aPlayFindsItsCreditsByTheIndexItCarriesOrByItsTrackIdAndKeepsThem() {
        Play byIndex = play("P1", "U1", new String("T2"), "2026-10-01T00:00:00Z");
        byIndex.trackIndex = 2;
        Catalogue.Credits c = CATALOGUE.credits(byIndex);
        assertThat(c).isSameAs(CATALOGUE.credits("T2"));
        assertThat(byIndex.credits).isSameAs(c);
        assertThat(byIndex.trackId).isSameAs(c.trackId()); // the catalogue's instance from now on

        Play byId = play("P2", "U1", "T10", "2026-10-01T00:00:00Z");
        assertThat(CATALOGUE.credits(byId)).isSameAs(CATALOGUE.credits("T10"));
        Play unmatched = play("P3", "U1", "T3", "2026-10-01T00:00:00Z");
        assertThat(CATALOGUE.credits(unmatched)).isNull();
        assertThat(unmatched.credits).isNull();
    }

    @Test
    void aTableHoldsValuesByIndexAcrossPagesAndListsThemInIndexOrder() {
        TrackTable<String> table = new TrackTable<>();
        int[] indexes = {70_000, 3, 4_096, 4_095, 1_000_000};
        for (int i : indexes) {
            table.put(i, "v" + i);
        }
        for (int i : indexes) {
            assertThat(table.get(i)).isEqualTo("v" + i);
        }
        assertThat(table.get(5)).isNull();
        assertThat(table.get(2_000_000)).isNull();
        List<String> all = new ArrayList<>();
        table.forEach(all::add);
        assertThat(all).containsExactly("v3", "v4095", "v4096", "v70000", "v1000000");
    }

    @Test
    void theLedgerCountsTheSameThroughCreditsAsThroughTrackIds() {
        // a ledger given the catalogue keeps matched tracks by index, unmatched ones (T3) by track_id
        CatalogueLedger byId = new CatalogueLedger();
        CatalogueLedger mixed = new CatalogueLedger(CATALOGUE);
        String[][] plays = {{"T2", "DE", "premium"}, {"T2", "FR", "premium"}, {"T10", "DE", "free"},
            {"T2", "DE", "premium"}, {"T3", "DE", "premium"}, {"T10", "DE", "free"}, {"T2", "DE", "free"}};
        for (int i = 0; i < plays.length; i++) {
            Play p = new Play("P" + i, "U1", plays[i][0], 0L, 60_000, plays[i][1], plays[i][2], i % 2 == 0 ? "search"
                    : null);
            byId.countEligible(p.country, p.product, p.trackId, p.active());
            byId.count(p.country, p.product, p.trackId, PlayStatus.CAPPED, 1);
            if (i % 3 != 0) {
                CATALOGUE.credits(p); // some plays arrive with their credits known, some not
            }
            mixed.countEligible(p);
            if (i % 2 == 0) {
                mixed.count(p, PlayStatus.CAPPED);
            } else {
                mixed.count(p.country, p.product, p.trackId, PlayStatus.CAPPED, 1);
            }
        }
        Comparator<PlayTally> order = Comparator.comparing((PlayTally t) -> t.country)
                .thenComparing(t -> t.product).thenComparing(t -> t.trackId);
        List<PlayTally> expected = new ArrayList<>(byId.all());
        List<PlayTally> actual = new ArrayList<>(mixed.all());
        expected.sort(order);
        actual.sort(order);
        // The same counts; only the by-index ledger knows each tally's track index.
        assertThat(actual).usingRecursiveFieldByFieldElementComparatorIgnoringFields("trackIndex")
                .isEqualTo(expected);
        assertThat(mixed.pool("DE", "premium").get("T2").eligible()).isEqualTo(2);
        assertThat(mixed.pool("DE", "premium").get("T2").activeEligible).isEqualTo(1);
    }
}
