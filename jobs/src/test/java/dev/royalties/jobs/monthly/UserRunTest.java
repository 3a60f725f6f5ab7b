package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRunTest {
    private static Play play(String id, String user) {
        return new Play(id, user, "T1", 0L, 40_000, "FR", "premium");
    }

    private static List<String> runs(UserRun run, List<Play> input) throws Exception {
        List<String> seen = new ArrayList<>();
        UserRun.OnUser record = (user, plays) -> seen.add(user + ":" + plays.stream().map(p -> p.playId).toList());
        for (Play p : input) {
            run.add(p, record);
        }
        run.flush(record);
        return seen;
    }

    @Test
    void consecutivePlaysOfOneUserAreOneRun() throws Exception {
        assertThat(runs(new UserRun(), List.of(play("P1", "U1"), play("P2", "U1"), play("P3", "U2"))))
                .containsExactly("U1:[P1, P2]", "U2:[P3]");
    }

    @Test
    void usersWhoseIdsShareTheHashAreSplitInCodePointOrderWhateverTheInterleaving() throws Exception {
        UserRun colliding = new UserRun(id -> id.startsWith("U") ? 42L : 7L);
        assertThat(runs(colliding, List.of(play("P1", "U2"), play("P2", "U1"), play("P3", "U2"), play("P4", "U1"),
                play("P5", "X9"))))
                .containsExactly("U1:[P2, P4]", "U2:[P1, P3]", "X9:[P5]");
    }

    @Test
    void nothingIsHandedOverForNoPlays() throws Exception {
        assertThat(runs(new UserRun(), List.of())).isEmpty();
    }
}
