package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.play;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 9's rules at their edges: threshold, artist-centric weights, user-centric parts, comparison. */
class PaymentModelRulesTest {
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(track("T1", "none"), track("T2", "none")),
            List.of(right("T1", "A1", 1_000_000), right("T2", "A1", 250_000), right("T2", "A2", 750_000)));

    private static Policy threshold(long streams, long listeners) {
        return Policy.DEFAULT.withThreshold(streams, listeners);
    }

    // ---- track eligibility ----

    @Test
    void exactlyTheStreamsNeededOverTwelveMonthsIsEligibleOneLessIsNot() {
        List<TrackListening> october = List.of(new TrackListening("T1", 3, 1));
        Map<String, Long> history = Map.of("T1", 7L);
        assertThat(TrackEligibility.decide(threshold(10, 0), history, october).eligible("T1")).isTrue();
        assertThat(TrackEligibility.decide(threshold(11, 0), history, october).eligible("T1")).isFalse();
    }

    @Test
    void aMissingHistoryMonthCountsAsZero() {
        List<TrackListening> october = List.of(new TrackListening("T1", 3, 1));
        assertThat(TrackEligibility.decide(threshold(4, 0), Map.of(), october).eligible("T1")).isFalse();
        assertThat(TrackEligibility.decide(threshold(3, 0), Map.of(), october).eligible("T1")).isTrue();
    }

    @Test
    void listenersAreThisMonthsOnly() {
        List<TrackListening> october = List.of(new TrackListening("T1", 1_000, 499));
        assertThat(TrackEligibility.decide(threshold(0, 500), Map.of(), october).eligible("T1")).isFalse();
        assertThat(TrackEligibility.decide(threshold(0, 499), Map.of(), october).eligible("T1")).isTrue();
        assertThat(TrackEligibility.decide(Policy.DEFAULT, Map.of(), october)).isSameAs(TrackEligibility.ALL);
    }

    @Test
    void listeningCountsEveryPlayAsAStreamAndEveryDistinctTrackOnceAsAListener() {
        PeriodListening listening = new PeriodListening(CATALOGUE);
        listening.listen(List.of(play("P1", "U1", "T1", "2026-10-01T00:00:00Z"),
                play("P2", "U1", "T1", "2026-10-02T00:00:00Z"), play("P3", "U1", "T2", "2026-10-02T00:00:00Z"),
                play("P5", "U1", "T9", "2026-10-02T00:00:00Z")));
        listening.listen(List.of(play("P4", "U2", "T1", "2026-10-01T00:00:00Z"),
                play("P6", "U2", "T9", "2026-10-03T00:00:00Z"), play("P7", "U2", "T9", "2026-10-04T00:00:00Z")));
        Map<String, TrackListening> into = new java.util.HashMap<>();
        listening.forEach(t -> into.put(t.trackId, t));
        assertThat(into.get("T1").streams).isEqualTo(3);
        assertThat(into.get("T1").listeners).isEqualTo(2);
        assertThat(into.get("T2").listeners).isEqualTo(1);
        assertThat(into.get("T9").streams).isEqualTo(3); // a track without credits is counted by its id
        assertThat(into.get("T9").listeners).isEqualTo(2);
    }

    @Test
    void belowThresholdComesBeforeTheCapSoItDoesNotUseTheCap() {
        List<Play> plays = new ArrayList<>(List.of(play("P1", "U1", "T1", "2026-10-01T00:00:00Z"),
                play("P2", "U1", "T2", "2026-10-02T00:00:00Z"), play("P3", "U1", "T1", "2026-10-03T00:00:00Z")));
        TrackEligibility onlyT1 = TrackEligibility.decide(threshold(2, 0), Map.of(),
                List.of(new TrackListening("T1", 2, 1), new TrackListening("T2", 1, 1)));
        List<String> statuses = new ArrayList<>();
        UserMonth.settle(plays, onlyT1, 2, (p, s) -> statuses.add(p.playId + "=" + s.label()));
        assertThat(statuses).containsExactlyInAnyOrder("P2=below_threshold", "P1=eligible", "P3=eligible");
        statuses.clear();
        UserMonth.settle(plays, TrackEligibility.ALL, 2, (p, s) -> statuses.add(p.playId + "=" + s.label()));
        assertThat(statuses).containsExactlyInAnyOrder("P1=eligible", "P2=eligible", "P3=capped");
    }

    // ---- artist-centric ----

    private static PlayTally tally(String track, long eligible, long active) {
        PlayTally t = new PlayTally("FR", "premium", track);
        t.byStatus[PlayStatus.ELIGIBLE.ordinal()] = eligible;
        t.activeEligible = active;
        return t;
    }

    @Test
    void professionalNeedsBothTheStreamsAndTheListeners() {
        Policy p = Policy.DEFAULT; // 1 000 streams from 500 listeners
        List<PlayTally> tallies = List.of(tally("T1", 1_000, 0));
        assertThat(ArtistCentric.professionals(tallies, CATALOGUE, Map.of("A1", 500L), p)).containsExactly("A1");
        assertThat(ArtistCentric.professionals(tallies, CATALOGUE, Map.of("A1", 499L), p)).isEmpty();
        assertThat(ArtistCentric.professionals(List.of(tally("T1", 999, 0)), CATALOGUE, Map.of("A1", 999L), p))
                .isEmpty();
    }

    @Test
    void professionalCountsPlaysWithSharesIgnoredAcrossPools() {
        // 600 plays of T1 and 400 of T2 (A1 owns 25 % of T2): 1 000 plays, not 700.
        PlayTally fr = tally("T1", 600, 0);
        PlayTally de = new PlayTally("DE", "free", "T2");
        de.byStatus[PlayStatus.ELIGIBLE.ordinal()] = 400;
        assertThat(ArtistCentric.professionals(List.of(fr, de), CATALOGUE, Map.of("A1", 500L), Policy.DEFAULT))
                .containsExactly("A1");
    }

    @Test
    void activePlaysCountTwiceForEveryArtistOfAMultiArtistTrack() {
        PlayTally t2 = tally("T2", 4, 1); // 3 suggested, 1 active: 5 play-weights
        assertThat(Allocation.weight(PaymentModel.ARTIST_CENTRIC, t2, "A1", 250_000, Set.of())).isEqualTo(1_250_000);
        assertThat(Allocation.weight(PaymentModel.ARTIST_CENTRIC, t2, "A2", 750_000, Set.of("A2")))
                .isEqualTo(7_500_000);
        assertThat(Allocation.weight(PaymentModel.PRO_RATA, t2, "A2", 750_000, Set.of("A2"))).isEqualTo(3_000_000);
    }

    // ---- user-centric ----

    @Test
    void theLeftOverCentsOfTheUserPartsGoToTheFirstUserIdsInCodePointOrder() {
        UserCentric.Parts parts = UserCentric.parts(1_003, List.of("U3", "U\uD83D\uDE00", "U1", "U\uFFFF"));
        // 250 each, 3 cents left: U1, U3, then "U\uFFFF", which sorts before the emoji by code point
        // (after it in UTF-16 units, which would wrongly give the emoji the cent).
        assertThat(parts.of("U1")).isEqualTo(251);
        assertThat(parts.of("U3")).isEqualTo(251);
        assertThat(parts.of("U\uFFFF")).isEqualTo(251);
        assertThat(parts.of("U\uD83D\uDE00")).isEqualTo(250);
        assertThat(UserCentric.parts(1_000, List.of())).isNull();
    }

    @Test
    void aPoolWithOneUserGivesThatUserTheWholePool() {
        UserCentric.Parts parts = UserCentric.parts(10_000, List.of("U1"));
        assertThat(parts.of("U1")).isEqualTo(10_000);
        UserCentric.UserSplit s = UserCentric.split(10_000, new UserPoolPlays("U1", "FR", "premium",
                new String[] {"T2"}, new long[] {1}, 0), CATALOGUE);
        assertThat(s.artistCents()).containsExactly(Map.entry("A1", 2_500L), Map.entry("A2", 7_500L));
        assertThat(s.heldCents()).isZero();
    }

    @Test
    void aUsersUnmatchedPlaysAreThatUsersHeldBucket() {
        UserCentric.UserSplit s = UserCentric.split(100, new UserPoolPlays("U1", "FR", "premium",
                new String[] {"T1"}, new long[] {1}, 3), CATALOGUE);
        assertThat(s.artistCents()).containsExactly(Map.entry("A1", 25L));
        assertThat(s.heldCents()).isEqualTo(75);
    }

    // ---- comparison and policy ----

    @Test
    void movedByMoreThanTenPercentIsStrict() {
        assertThat(ModelComparison.movedOver10Pct(1_000, 1_100)).isFalse();
        assertThat(ModelComparison.movedOver10Pct(1_000, 1_101)).isTrue();
        assertThat(ModelComparison.movedOver10Pct(1_000, 899)).isTrue();
        assertThat(ModelComparison.movedOver10Pct(0, 1)).isTrue();
        assertThat(ModelComparison.movedOver10Pct(0, 0)).isFalse();
    }

    @Test
    void theComparedModelsAlwaysIncludeThePayingOneFirst() {
        Policy p = Policy.DEFAULT.withModels(PaymentModel.USER_CENTRIC, List.of(PaymentModel.PRO_RATA));
        assertThat(p.models()).containsExactly(PaymentModel.USER_CENTRIC, PaymentModel.PRO_RATA);
        assertThat(Policy.DEFAULT.models()).containsExactly(PaymentModel.PRO_RATA);
        assertThatThrownBy(() -> PaymentModel.parse("pro_rata")).hasMessageContaining("unknown payment model");
    }

    @Test
    void anUnknownOriginIsQuarantinedAndAbsentMeansSuggested() {
        Play p = play("P1", "U1", "T1", "2026-10-01T00:00:00Z");
        assertThat(EventValidation.playProblem(p)).isNull();
        assertThat(p.active()).isFalse();
        p.origin = "user_playlist";
        assertThat(EventValidation.playProblem(p)).isNull();
        assertThat(p.active()).isTrue();
        p.origin = "radio";
        assertThat(p.active()).isFalse();
        p.origin = "Search";
        assertThat(EventValidation.playProblem(p)).startsWith("origin 'Search' is not one of");
        p.origin = "";
        assertThat(EventValidation.playProblem(p)).startsWith("origin '' is not one of");
    }
}
