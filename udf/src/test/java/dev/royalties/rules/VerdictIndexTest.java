package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.t;
import static dev.royalties.rules.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §6: per subject, the known verdict covering the instant with the latest decided_at decides. */
class VerdictIndexTest {
    private static final long PLAYED = t("2026-10-10T12:00:00Z");

    private static VerdictIndex index(Verdict... vs) {
        return new VerdictIndex(List.of(vs), AS_OF);
    }

    private static boolean trackFraud(VerdictIndex idx, long at) {
        return idx.trackIsFraud("T1", at);
    }

    @Test
    void noVerdictMeansNotFraud() {
        assertThat(VerdictIndex.empty().playIsFraud("P1", "U1", "T1", PLAYED)).isFalse();
        assertThat(index().trackIsFraud("T1", PLAYED)).isFalse();
    }

    @Test
    void equalDecidedAtIsBrokenByTheGreatestVerdictId() {
        Verdict fraud = verdict("V2", "track", "T1", "fraud", "2026-10-20T00:00:00Z");
        Verdict cleared = verdict("V1", "track", "T1", "cleared", "2026-10-20T00:00:00Z");
        assertThat(trackFraud(index(fraud, cleared), PLAYED)).isTrue();
        assertThat(trackFraud(index(cleared, fraud), PLAYED)).isTrue();
        Verdict fraudLow = verdict("V1", "track", "T1", "fraud", "2026-10-20T00:00:00Z");
        Verdict clearedHigh = verdict("V2", "track", "T1", "cleared", "2026-10-20T00:00:00Z");
        assertThat(trackFraud(index(fraudLow, clearedHigh), PLAYED)).isFalse();
        assertThat(trackFraud(index(clearedHigh, fraudLow), PLAYED)).isFalse();
    }

    @Test
    void verdictIdsCompareAsStringsNotNumbers() {
        // "V9" > "V10" as strings: the deciding verdict is V9.
        Verdict v9 = verdict("V9", "track", "T1", "cleared", "2026-10-20T00:00:00Z");
        Verdict v10 = verdict("V10", "track", "T1", "fraud", "2026-10-20T00:00:00Z");
        assertThat(index(v10, v9).deciding("track", "T1", PLAYED)).isEqualTo(v9);
        assertThat(trackFraud(index(v10, v9), PLAYED)).isFalse();
    }

    @Test
    void decidedAtOutranksVerdictId() {
        Verdict earlierBigId = verdict("V9", "track", "T1", "fraud", "2026-10-20T00:00:00Z");
        Verdict laterSmallId = verdict("V1", "track", "T1", "cleared", "2026-10-20T00:00:00.000001Z");
        assertThat(index(earlierBigId, laterSmallId).deciding("track", "T1", PLAYED)).isEqualTo(laterSmallId);
    }

    @Test
    void validFromIsInclusiveAndValidToExclusive() {
        long from = t("2026-10-05T00:00:00Z");
        long to = t("2026-10-15T00:00:00Z");
        VerdictIndex idx = index(verdict("V1", "track", "T1", from, to, "fraud", "2026-10-20T00:00:00Z"));
        assertThat(trackFraud(idx, from - 1)).isFalse();
        assertThat(trackFraud(idx, from)).isTrue();
        assertThat(trackFraud(idx, to - 1)).isTrue();
        assertThat(trackFraud(idx, to)).isFalse();
    }

    @Test
    void openBoundsAreUnbounded() {
        long edge = t("2026-10-15T00:00:00Z");
        VerdictIndex openFrom = index(verdict("V1", "track", "T1", null, edge, "fraud", "2026-10-20T00:00:00Z"));
        assertThat(trackFraud(openFrom, t("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(trackFraud(openFrom, edge - 1)).isTrue();
        assertThat(trackFraud(openFrom, edge)).isFalse();

        VerdictIndex openTo = index(verdict("V1", "track", "T1", edge, null, "fraud", "2026-10-20T00:00:00Z"));
        assertThat(trackFraud(openTo, edge - 1)).isFalse();
        assertThat(trackFraud(openTo, edge)).isTrue();
        assertThat(trackFraud(openTo, t("2999-12-31T23:59:59Z"))).isTrue();

        VerdictIndex open = index(verdict("V1", "track", "T1", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(trackFraud(open, t("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(trackFraud(open, t("2999-12-31T23:59:59Z"))).isTrue();
    }

    @Test
    void aLaterClearedReversesAFraudFinding() {
        // An appeal won.
        VerdictIndex idx = index(
                verdict("V1", "user", "U1", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "user", "U1", "cleared", "2026-10-25T00:00:00Z"));
        assertThat(idx.playIsFraud("P1", "U1", "T1", PLAYED)).isFalse();
    }

    @Test
    void aLaterFraudReversesAClearance() {
        VerdictIndex idx = index(
                verdict("V1", "user", "U1", "cleared", "2026-10-20T00:00:00Z"),
                verdict("V0", "user", "U1", "fraud", "2026-10-25T00:00:00Z"));
        assertThat(idx.playIsFraud("P1", "U1", "T1", PLAYED)).isTrue();
    }

    @Test
    void aLaterVerdictThatDoesNotCoverTheInstantDoesNotDecideIt() {
        // Fraud found for all of October; the appeal only cleared the first five days.
        VerdictIndex idx = index(
                verdict("V1", "user", "U1", t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"), "fraud",
                        "2026-10-20T00:00:00Z"),
                verdict("V2", "user", "U1", t("2026-10-01T00:00:00Z"), t("2026-10-06T00:00:00Z"), "cleared",
                        "2026-10-25T00:00:00Z"));
        assertThat(idx.playIsFraud("P1", "U1", "T1", t("2026-10-03T00:00:00Z"))).isFalse();
        assertThat(idx.playIsFraud("P1", "U1", "T1", t("2026-10-06T00:00:00Z"))).isTrue();
    }

    @Test
    void verdictsDecidedAfterAsOfAreIgnored() {
        long asOf = t("2026-11-05T00:00:00Z");
        Verdict fraudLate = verdict("V1", "play", "P1", "fraud", "2026-11-05T00:00:00.000001Z");
        assertThat(new VerdictIndex(List.of(fraudLate), asOf).playIsFraud("P1", "U1", "T1", PLAYED)).isFalse();
        assertThat(new VerdictIndex(List.of(fraudLate), asOf).knownCount()).isZero();
        // decided_at == as-of is known.
        Verdict fraudOnTime = verdict("V1", "play", "P1", "fraud", "2026-11-05T00:00:00Z");
        assertThat(new VerdictIndex(List.of(fraudOnTime), asOf).playIsFraud("P1", "U1", "T1", PLAYED)).isTrue();
        // A backfill with a later as-of sees it.
        assertThat(new VerdictIndex(List.of(fraudLate), t("2026-12-20T00:00:00Z"))
                .playIsFraud("P1", "U1", "T1", PLAYED)).isTrue();
    }

    @Test
    void anUnknownLaterClearanceDoesNotReverseAKnownFraud() {
        long asOf = t("2026-11-05T00:00:00Z");
        List<Verdict> vs = List.of(
                verdict("V1", "track", "T1", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "track", "T1", "cleared", "2026-11-10T00:00:00Z"));
        assertThat(new VerdictIndex(vs, asOf).trackIsFraud("T1", PLAYED)).isTrue();
        assertThat(new VerdictIndex(vs, t("2026-12-20T00:00:00Z")).trackIsFraud("T1", PLAYED)).isFalse();
    }

    @Test
    void aPlayIsFraudWhenAnyOfItsThreeSubjectsDecidesFraud() {
        String decided = "2026-10-20T00:00:00Z";
        assertThat(index(verdict("V1", "play", "P1", "fraud", decided)).playIsFraud("P1", "U1", "T1", PLAYED))
                .isTrue();
        assertThat(index(verdict("V1", "user", "U1", "fraud", decided)).playIsFraud("P1", "U1", "T1", PLAYED))
                .isTrue();
        assertThat(index(verdict("V1", "track", "T1", "fraud", decided)).playIsFraud("P1", "U1", "T1", PLAYED))
                .isTrue();
        // Each subject decides on its own: a later clearance of the user does not clear the track.
        VerdictIndex mixed = index(
                verdict("V1", "track", "T1", "fraud", decided),
                verdict("V2", "user", "U1", "cleared", "2026-10-30T00:00:00Z"),
                verdict("V3", "play", "P1", "cleared", "2026-10-30T00:00:00Z"));
        assertThat(mixed.playIsFraud("P1", "U1", "T1", PLAYED)).isTrue();
    }

    @Test
    void subjectTypesAreSeparateNamespaces() {
        // The same id "X" as a user is not the play "X" nor the track "X".
        VerdictIndex idx = index(verdict("V1", "user", "X", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(idx.playIsFraud("X", "U1", "X", PLAYED)).isFalse();
        assertThat(idx.playIsFraud("P1", "X", "T1", PLAYED)).isTrue();
    }

    @Test
    void aiUsageOnlyLooksAtTrackVerdicts() {
        VerdictIndex idx = index(
                verdict("V1", "play", "T1", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "user", "T1", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(idx.trackIsFraud("T1", PLAYED)).isFalse();
        VerdictIndex track = index(verdict("V3", "track", "T1", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(track.trackIsFraud("T1", PLAYED)).isTrue();
        assertThat(track.trackIsFraud("T2", PLAYED)).isFalse();
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vs.add(verdict("V" + (char) ('a' + i), "track", "T1", i % 2 == 0 ? "fraud" : "cleared",
                    "2026-10-2" + (i % 3) + "T00:00:00Z"));
        }
        // Latest decided_at is the 22nd; among i % 3 == 2 the greatest id is 'V' + (char)('a' + 17) = "Vr", cleared.
        Verdict expected = vs.get(17);
        java.util.Random rnd = new java.util.Random(42);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(vs, rnd);
            assertThat(new VerdictIndex(vs, AS_OF).deciding("track", "T1", PLAYED)).isEqualTo(expected);
            assertThat(new VerdictIndex(vs, AS_OF).trackIsFraud("T1", PLAYED)).isFalse();
        }
    }

    @Test
    void theQuickCheckOfPlayAndUserSubjectsNeverHidesAVerdict() {
        List<Verdict> vs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            vs.add(verdict("V" + i, i % 2 == 0 ? "play" : "user", (i % 2 == 0 ? "P" : "U") + i,
                    i % 3 == 0 ? "cleared" : "fraud", "2026-10-20T00:00:00Z"));
        }
        VerdictIndex idx = new VerdictIndex(vs, AS_OF);
        for (int i = 0; i < 3_000; i++) {
            String id = (i % 2 == 0 ? "P" : "U") + i;
            boolean fraud = i % 3 != 0;
            boolean asPlay = idx.playOrUserIsFraud(i % 2 == 0 ? id : "P-none", i % 2 == 0 ? "U-none" : id, PLAYED);
            assertThat(asPlay).as(id).isEqualTo(fraud);
            assertThat(idx.playIsFraud(i % 2 == 0 ? id : "P-none", i % 2 == 0 ? "U-none" : id, "T1", PLAYED))
                    .isEqualTo(asPlay);
        }
        // Strings with one hash: a subject's bit is every such string's bit, and the map decides.
        assertThat(idx.playOrUserIsFraud("Aa", "BB", PLAYED)).isFalse();
        VerdictIndex colliding = index(verdict("V1", "play", "Aa", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(colliding.playOrUserIsFraud("BB", "U1", PLAYED)).isFalse();
        assertThat(colliding.playOrUserIsFraud("Aa", "U1", PLAYED)).isTrue();
        assertThat(colliding.playOrUserIsFraud(null, null, PLAYED)).isFalse();
    }
}
