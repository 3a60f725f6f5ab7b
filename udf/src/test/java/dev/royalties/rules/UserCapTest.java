package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.play;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.t;
import static dev.royalties.rules.Fixtures.track;
import static dev.royalties.rules.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §4 step 5: the user's plays that passed 1-4, ordered by (played_at, play_id), beyond the cap. */
class UserCapTest {

    private static List<String> ids(List<Play> plays) {
        return plays.stream().map(p -> p.playId).toList();
    }

    @Test
    void keepsTheFirstCapPlaysInPlayedAtOrder() {
        List<Play> plays = Fixtures.listOf(
                play("P3", "U1", "T1", "2026-10-03T00:00:00Z"),
                play("P1", "U1", "T1", "2026-10-01T00:00:00Z"),
                play("P2", "U1", "T1", "2026-10-02T00:00:00Z"));
        assertThat(UserCap.eligibleCount(plays, 2)).isEqualTo(2);
        assertThat(ids(plays)).containsExactly("P1", "P2", "P3");
    }

    @Test
    void tiesOnPlayedAtAreBrokenByPlayId() {
        // Same instant: play_id decides, not input order and not user or track.
        List<Play> plays = Fixtures.listOf(
                play("Pb", "U1", "T0", "2026-10-01T00:00:00Z"),
                play("Pc", "U1", "T1", "2026-10-01T00:00:00Z"),
                play("Pa", "U1", "T2", "2026-10-01T00:00:00Z"));
        assertThat(UserCap.eligibleCount(plays, 1)).isEqualTo(1);
        assertThat(ids(plays)).containsExactly("Pa", "Pb", "Pc");
    }

    @Test
    void anEarlierPlayedAtBeatsASmallerPlayId() {
        List<Play> plays = Fixtures.listOf(
                play("A", "U1", "T1", "2026-10-02T00:00:00Z"),
                play("Z", "U1", "T1", "2026-10-01T23:59:59.999999Z"));
        UserCap.eligibleCount(plays, 1);
        assertThat(ids(plays)).containsExactly("Z", "A");
    }

    @Test
    void playIdTieBreakUsesCodePointOrder() {
        // U+FFFF < U+1F600 by code point, although its UTF-16 unit is greater than the surrogate D83D.
        String bmp = "p\uFFFF";
        String astral = "p\uD83D\uDE00";
        List<Play> plays = Fixtures.listOf(
                play(astral, "U1", "T1", "2026-10-01T00:00:00Z"),
                play(bmp, "U1", "T1", "2026-10-01T00:00:00Z"));
        UserCap.eligibleCount(plays, 1);
        assertThat(ids(plays)).containsExactly(bmp, astral);
    }

    @Test
    void capZeroMeansNoCap() {
        List<Play> plays = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            plays.add(play(String.format("P%05d", i), "U1", "T1", t("2026-10-01T00:00:00Z") + i, 60_000));
        }
        assertThat(UserCap.eligibleCount(plays, 0)).isEqualTo(5_000);
        assertThat(new Policy(30_000, 0).capped()).isFalse();
        assertThat(new Policy(30_000, 1).capped()).isTrue();
    }

    @Test
    void capAboveThePlayCountKeepsEveryPlayAndHugeCapsDoNotOverflow() {
        List<Play> plays = Fixtures.listOf(play("P1", "U1", "T1", "2026-10-01T00:00:00Z"));
        assertThat(UserCap.eligibleCount(plays, 1_000)).isEqualTo(1);
        assertThat(UserCap.eligibleCount(plays, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(UserCap.eligibleCount(new ArrayList<>(), 3)).isZero();
    }

    /**
     * Steps 1 to 5 the way a job composes them: classify, hand only the plays that passed 1-4 to the
     * cap, per user. This is the contract UserCap's documentation states.
     */
    private static Map<String, PlayStatus> statuses(List<Play> plays, PlayClassifier classifier) {
        Map<String, PlayStatus> out = new LinkedHashMap<>();
        Map<String, List<Play>> candidates = new LinkedHashMap<>();
        for (Play p : plays) {
            PlayStatus s = classifier.statusBeforeCap(p);
            out.put(p.playId, s);
            if (s == PlayStatus.ELIGIBLE) {
                candidates.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(p);
            }
        }
        candidates.values().forEach(list -> {
            int n = UserCap.eligibleCount(list, classifier.policy().userMonthlyCap());
            list.subList(n, list.size()).forEach(p -> out.put(p.playId, PlayStatus.CAPPED));
        });
        return out;
    }

    @Test
    void fraudShortUnmatchedAndAiGeneratedPlaysDoNotConsumeTheCap() {
        Catalogue catalogue = new Catalogue(List.of(track("T1", "none"), track("TAI", "full")),
                List.of(right("T1", "A1", ONE), right("TAI", "A1", ONE)));
        VerdictIndex verdicts = new VerdictIndex(
                List.of(verdict("V1", "play", "P_FRAUD", "fraud", "2026-10-20T00:00:00Z")), AS_OF);
        PlayClassifier classifier = new PlayClassifier(verdicts, catalogue, new Policy(30_000, 2));
        long day = t("2026-10-01T00:00:00Z");
        // The four excluded plays come first in time: had they consumed the cap, P_OK1 and P_OK2 would be capped.
        List<Play> plays = List.of(
                play("P_FRAUD", "U1", "T1", day + 1, 60_000),
                play("P_SHORT", "U1", "T1", day + 2, 29_999),
                play("P_UNMATCHED", "U1", "T_UNKNOWN", day + 3, 60_000),
                play("P_AI", "U1", "TAI", day + 4, 60_000),
                play("P_OK1", "U1", "T1", day + 5, 60_000),
                play("P_OK2", "U1", "T1", day + 6, 60_000),
                play("P_OK3", "U1", "T1", day + 7, 60_000),
                // Another user has a cap of its own.
                play("P_OTHER", "U2", "T1", day + 8, 60_000));
        assertThat(statuses(plays, classifier)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P_FRAUD", PlayStatus.FRAUD,
                "P_SHORT", PlayStatus.SHORT,
                "P_UNMATCHED", PlayStatus.UNMATCHED,
                "P_AI", PlayStatus.AI_GENERATED,
                "P_OK1", PlayStatus.ELIGIBLE,
                "P_OK2", PlayStatus.ELIGIBLE,
                "P_OK3", PlayStatus.CAPPED,
                "P_OTHER", PlayStatus.ELIGIBLE));
    }

    @Test
    void theCapCountsAcrossCountriesAndProductsOfTheUser() {
        Catalogue catalogue = new Catalogue(List.of(track("T1", "none")), List.of(right("T1", "A1", ONE)));
        PlayClassifier classifier = new PlayClassifier(VerdictIndex.empty(), catalogue, new Policy(30_000, 1));
        Play de = new Play("P1", "U1", "T1", t("2026-10-01T00:00:00Z"), 60_000, "DE", "premium");
        Play fr = new Play("P2", "U1", "T1", t("2026-10-02T00:00:00Z"), 60_000, "FR", "free");
        assertThat(statuses(List.of(fr, de), classifier))
                .containsEntry("P1", PlayStatus.ELIGIBLE)
                .containsEntry("P2", PlayStatus.CAPPED);
    }

    @Test
    void withinCapPicksTheSamePlaysAsTheSortedOrder() {
        java.util.Random random = new java.util.Random(7);
        long day = t("2026-10-01T00:00:00Z");
        for (int round = 0; round < 2_000; round++) {
            int n = 2 + random.nextInt(60);
            List<Play> plays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Few instants, so that many plays tie on played_at at the cap's edge.
                String id = random.nextInt(4) == 0 ? "p\uD83D\uDE00" + i : "p" + (char) ('a' + random.nextInt(26)) + i;
                plays.add(play(id, "U1", "T1", day + random.nextInt(1 + n / 4), 60_000));
            }
            int cap = 1 + random.nextInt(n - 1);
            boolean[] within = UserCap.withinCap(plays, cap);
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (within[i]) {
                    picked.add(plays.get(i).playId);
                }
            }
            List<Play> sorted = new ArrayList<>(plays);
            int eligible = UserCap.eligibleCount(sorted, cap);
            assertThat(picked).as("round %d", round).containsExactlyInAnyOrderElementsOf(ids(sorted.subList(0, eligible)));
        }
    }
}
