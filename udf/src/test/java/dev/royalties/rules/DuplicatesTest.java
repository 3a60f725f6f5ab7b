package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Spec §3: copies of one key are one event; earliest timestamp, then greatest ms_played / units, wins. */
class DuplicatesTest {

    private static Play play(String at, int ms, String country) {
        return new Play("P1", "U1", "T1", t(at), ms, country, "premium");
    }

    private static Usage usage(String at, long units, String model) {
        return new Usage("G1", "L1", model, "T1", "training", t(at), units);
    }

    /** Merges fresh copies in the given order, as a reduce over the rows of one key would. */
    private static Play mergePlays(List<Supplier<Play>> rows, int[] order) {
        Play acc = rows.get(order[0]).get();
        for (int i = 1; i < order.length; i++) {
            acc = Duplicates.merge(acc, rows.get(order[i]).get());
        }
        return acc;
    }

    private static Usage mergeUsage(List<Supplier<Usage>> rows, int[] order) {
        Usage acc = rows.get(order[0]).get();
        for (int i = 1; i < order.length; i++) {
            acc = Duplicates.merge(acc, rows.get(order[i]).get());
        }
        return acc;
    }

    /** Every permutation of 0..n-1. */
    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int i = 0; i < cur.length; i++) {
            if (!used[i]) {
                used[i] = true;
                cur[k] = i;
                permute(cur, used, k + 1, out);
                used[i] = false;
            }
        }
    }

    @Test
    void earliestPlayedAtWins() {
        Play later = play("2026-10-10T12:00:01Z", 200_000, "DE");
        Play earlier = play("2026-10-10T12:00:00Z", 40_000, "FR");
        Play w = Duplicates.merge(later, earlier);
        assertThat(w.playedAt).isEqualTo(t("2026-10-10T12:00:00Z"));
        assertThat(w.country).isEqualTo("FR");
    }

    @Test
    void onEqualPlayedAtTheGreatestMsPlayedWins() {
        Play w = Duplicates.merge(play("2026-10-10T12:00:00Z", 40_000, "DE"),
                play("2026-10-10T12:00:00Z", 40_001, "FR"));
        assertThat(w.msPlayed).isEqualTo(40_001);
        assertThat(w.country).isEqualTo("FR");
    }

    @Test
    void copiesAreCounted() {
        Play a = play("2026-10-10T12:00:00Z", 40_000, "DE");
        Play b = play("2026-10-10T12:00:00Z", 40_000, "DE");
        Play c = play("2026-10-10T12:00:05Z", 40_000, "DE");
        Play w = Duplicates.merge(Duplicates.merge(a, b), c);
        assertThat(w.copies).isEqualTo(3);
        // Merging two already-merged groups adds their counts.
        Play d = play("2026-10-10T12:00:00Z", 1, "DE");
        Play e = play("2026-10-10T12:00:00Z", 1, "DE");
        assertThat(Duplicates.merge(w, Duplicates.merge(d, e)).copies).isEqualTo(5);
        Usage u = Duplicates.merge(usage("2026-10-10T12:00:00Z", 1, "M1"), usage("2026-10-10T12:00:00Z", 1, "M1"));
        assertThat(u.copies).isEqualTo(2);
    }

    @Test
    void playWinnerDoesNotDependOnArgumentOrder() {
        // Rows that tie on played_at and ms_played yet differ elsewhere must still give one winner.
        List<Supplier<Play>> rows = List.of(
                () -> play("2026-10-10T12:00:00Z", 40_000, "SE"),
                () -> play("2026-10-10T12:00:00Z", 40_000, "DE"),
                () -> play("2026-10-10T12:00:00Z", 39_000, "AA"),
                () -> play("2026-10-10T12:00:03Z", 90_000, "AA"),
                () -> new Play("P1", "U0", "T1", t("2026-10-10T12:00:00Z"), 40_000, "ZZ", "free"));
        String expected = null;
        for (int[] order : permutations(rows.size())) {
            Play w = mergePlays(rows, order);
            assertThat(w.copies).isEqualTo(rows.size());
            if (expected == null) {
                expected = w.toJson();
            }
            assertThat(w.toJson()).isEqualTo(expected);
        }
        // Earliest, greatest ms_played, then the smallest remaining columns: user U0 beats U1.
        assertThat(expected).contains("\"user_id\":\"U0\"");
    }

    @Test
    void earliestUsedAtWinsThenGreatestUnits() {
        Usage w = Duplicates.merge(usage("2026-10-10T12:00:01Z", 999, "M1"), usage("2026-10-10T12:00:00Z", 5, "M2"));
        assertThat(w.units).isEqualTo(5);
        assertThat(w.modelId).isEqualTo("M2");
        Usage w2 = Duplicates.merge(usage("2026-10-10T12:00:00Z", 5, "M1"), usage("2026-10-10T12:00:00Z", 6, "M2"));
        assertThat(w2.units).isEqualTo(6);
    }

    @Test
    void usageWinnerDoesNotDependOnArgumentOrder() {
        List<Supplier<Usage>> rows = List.of(
                () -> usage("2026-10-10T12:00:00Z", 7, "M2"),
                () -> usage("2026-10-10T12:00:00Z", 7, "M1"),
                () -> usage("2026-10-10T12:00:00Z", 6, "M0"),
                () -> usage("2026-10-09T12:00:00Z", 1, "M9"),
                () -> new Usage("G1", "L1", "M9", "T1", "generation", t("2026-10-09T12:00:00Z"), 1));
        String expected = null;
        for (int[] order : permutations(rows.size())) {
            Usage w = mergeUsage(rows, order);
            assertThat(w.copies).isEqualTo(rows.size());
            if (expected == null) {
                expected = w.toJson();
            }
            assertThat(w.toJson()).isEqualTo(expected);
        }
        assertThat(expected).contains("\"scope\":\"generation\"");
    }

    @Test
    void samePlayComparesEveryColumn() {
        assertThat(Duplicates.samePlay(play("2026-10-10T12:00:00Z", 1, "DE"), play("2026-10-10T12:00:00Z", 1, "DE")))
                .isTrue();
        assertThat(Duplicates.samePlay(play("2026-10-10T12:00:00Z", 1, "DE"), play("2026-10-10T12:00:00Z", 1, "FR")))
                .isFalse();
    }
}
