package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.play;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.t;
import static dev.royalties.rules.Fixtures.track;
import static dev.royalties.rules.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §4 steps 1 to 4: fraud, short, unmatched, ai_generated, tested in that order. */
class PlayClassifierTest {
    private static final long AT = t("2026-10-10T12:00:00Z");

    // T_OK: ordinary track; T_ASSIST: AI-assisted (human work, paid); T_FULL: 100 % AI;
    // T_NORIGHTS: in tracks without rights; T_NOTRACK: rights but not in tracks.
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(track("T_OK", "none"), track("T_ASSIST", "assisted"), track("T_FULL", "full"),
                    track("T_NORIGHTS", "none")),
            List.of(right("T_OK", "A1", ONE), right("T_ASSIST", "A1", ONE), right("T_FULL", "A1", ONE),
                    right("T_NOTRACK", "A1", ONE)));

    private static PlayClassifier classifier(Policy policy, Verdict... verdicts) {
        return new PlayClassifier(new VerdictIndex(List.of(verdicts), AS_OF), CATALOGUE, policy);
    }

    private static PlayStatus status(PlayClassifier c, String trackId, int msPlayed) {
        return c.statusBeforeCap(play("P1", "U1", trackId, AT, msPlayed));
    }

    @Test
    void exactlyMinPlayMsIsAStream() {
        assertThat(status(classifier(Policy.DEFAULT), "T_OK", 30_000)).isEqualTo(PlayStatus.ELIGIBLE);
    }

    @Test
    void oneMillisecondBelowMinPlayMsIsShort() {
        assertThat(status(classifier(Policy.DEFAULT), "T_OK", 29_999)).isEqualTo(PlayStatus.SHORT);
    }

    @Test
    void defaultPolicyIsThirtySecondsAndNoCap() {
        assertThat(Policy.DEFAULT.minPlayMs()).isEqualTo(30_000);
        assertThat(Policy.DEFAULT.userMonthlyCap()).isZero();
        assertThat(Policy.DEFAULT.capped()).isFalse();
    }

    @Test
    void minPlayMsFollowsThePolicy() {
        PlayClassifier c = classifier(new Policy(10_000, 0));
        assertThat(status(c, "T_OK", 10_000)).isEqualTo(PlayStatus.ELIGIBLE);
        assertThat(status(c, "T_OK", 9_999)).isEqualTo(PlayStatus.SHORT);
        // min-play-ms 0: every valid play is a stream, even one of 0 ms.
        assertThat(status(classifier(new Policy(0, 0)), "T_OK", 0)).isEqualTo(PlayStatus.ELIGIBLE);
    }

    @Test
    void msPlayedAboveTheTrackDurationIsAnOrdinaryStream() {
        // Seeking and repeats (spec §3): the track lasts 200 000 ms.
        assertThat(status(classifier(Policy.DEFAULT), "T_OK", 900_000)).isEqualTo(PlayStatus.ELIGIBLE);
    }

    @Test
    void fraudIsTestedBeforeShort() {
        PlayClassifier c = classifier(Policy.DEFAULT, verdict("V1", "user", "U1", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(status(c, "T_OK", 1_000)).isEqualTo(PlayStatus.FRAUD);
    }

    @Test
    void shortIsTestedBeforeUnmatched() {
        assertThat(status(classifier(Policy.DEFAULT), "T_UNKNOWN", 1_000)).isEqualTo(PlayStatus.SHORT);
    }

    @Test
    void unmatchedWhenTheTrackIsNotInTracksOrHasNoRights() {
        PlayClassifier c = classifier(Policy.DEFAULT);
        assertThat(status(c, "T_UNKNOWN", 60_000)).isEqualTo(PlayStatus.UNMATCHED);
        assertThat(status(c, "T_NORIGHTS", 60_000)).isEqualTo(PlayStatus.UNMATCHED);
        // Rights for a track missing from tracks are allowed but do not match it (spec §3).
        assertThat(status(c, "T_NOTRACK", 60_000)).isEqualTo(PlayStatus.UNMATCHED);
    }

    @Test
    void fullAiTrackIsAiGenerated() {
        assertThat(status(classifier(Policy.DEFAULT), "T_FULL", 60_000)).isEqualTo(PlayStatus.AI_GENERATED);
    }

    @Test
    void aiAssistedTrackIsOrdinaryHumanWorkAndPaid() {
        assertThat(status(classifier(Policy.DEFAULT), "T_ASSIST", 60_000)).isEqualTo(PlayStatus.ELIGIBLE);
    }

    @Test
    void fraudIsTestedBeforeAiGeneratedAndShortBeforeAiGenerated() {
        PlayClassifier fraud = classifier(Policy.DEFAULT,
                verdict("V1", "track", "T_FULL", "fraud", "2026-10-20T00:00:00Z"));
        assertThat(status(fraud, "T_FULL", 60_000)).isEqualTo(PlayStatus.FRAUD);
        assertThat(status(classifier(Policy.DEFAULT), "T_FULL", 29_999)).isEqualTo(PlayStatus.SHORT);
    }

    @Test
    void policyRejectsNegativeKnobs() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Policy(-1, 0))
                .withMessageContaining("--min-play-ms");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Policy(0, -1))
                .withMessageContaining("--user-monthly-cap");
    }

    @Test
    void aTrackVerdictCountsWhetherThePlayArrivesWithItsCreditsOrNot() {
        PlayClassifier c = classifier(Policy.DEFAULT, verdict("V1", "track", "T_OK", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "track", "T_NOTINCATALOGUE", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V3", "track", "T_ASSIST", "cleared", "2026-10-20T00:00:00Z"));
        for (String how : new String[] {"by track_id", "with credits", "by index"}) {
            for (String[] expected : new String[][] {{"T_OK", "FRAUD"}, {"T_NOTINCATALOGUE", "FRAUD"},
                {"T_ASSIST", "ELIGIBLE"}, {"T_FULL", "AI_GENERATED"}, {"T_UNKNOWN", "UNMATCHED"},
                {"T_NORIGHTS", "UNMATCHED"}}) {
                Play p = play("P1", "U1", expected[0], AT, how.equals("by index") ? 10_000 : 60_000);
                p.trackIndex = how.equals("by index") ? CATALOGUE.indexOf(expected[0]) : -1;
                PlayStatus status = how.equals("with credits") ? c.statusBeforeCap(p, CATALOGUE.credits(p))
                        : c.statusBeforeCap(p);
                // Short comes before unmatched and ai_generated; fraud before all (spec §4).
                String want = how.equals("by index") && !expected[1].equals("FRAUD") ? "SHORT" : expected[1];
                assertThat(status).as(expected[0] + " " + how).hasToString(want);
                p.msPlayed = 60_000;
                assertThat(c.statusBeforeCap(p)).as(expected[0] + " " + how + ", long").hasToString(expected[1]);
            }
        }
    }
}
