package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Duplicates;
import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One user's plays, one per play_id, from a table kept from user to user (issue 10). */
class DistinctPlaysTest {
    private static Play play(String id, long at) {
        return new Play(id, "U1", "T1", at, 40_000, "FR", "premium");
    }

    @Test
    void mergesEveryCopyOfAPlayIdAndKeepsFirstArrivalOrderFromUserToUser() {
        DistinctPlays distinct = new DistinctPlays();
        Random random = new Random(11);
        for (int user = 0; user < 3_000; user++) {
            // Users of every size, small ones after large ones: the table's earlier entries must not show through.
            int n = user % 100 == 0 ? 5_000 : random.nextInt(40);
            List<Play> copies = new ArrayList<>();
            Map<String, Play> expected = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String id = "P" + random.nextInt(Math.max(1, n * 3 / 4)); // some play_ids twice or more
                Play p = play(id, random.nextInt(1_000));
                copies.add(p);
                Play seen = expected.get(id);
                expected.put(id, seen == null ? play(id, p.playedAt) : Duplicates.merge(seen, play(id, p.playedAt)));
            }
            List<Play> got = distinct.of(copies);
            assertThat(got).extracting(p -> p.playId).containsExactlyElementsOf(expected.keySet());
            for (Play p : got) {
                Play e = expected.get(p.playId);
                assertThat(p.copies).as(p.playId).isEqualTo(e.copies);
                assertThat(p.playedAt).as(p.playId).isEqualTo(e.playedAt);
            }
        }
    }
}
