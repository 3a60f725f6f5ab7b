package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Play;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathering each user's plays through spill files instead of Flink's sort (issue 10). */
class UserBucketsTest {
    @TempDir
    Path tmp;

    private static Play play(long i, String user) {
        Play p = new Play(String.format("P%011d", i), user, "T" + (i % 7), i, 40_000, "FR", "premium", "search");
        p.copies = 1 + (int) (i % 3);
        p.trackIndex = (int) (i % 5) - 1;
        return p;
    }

    private static Map<String, List<String>> gathered(UserBuckets buckets) throws Exception {
        Map<String, List<String>> seen = new TreeMap<>();
        buckets.forEachUser((user, plays) -> {
            assertThat(seen).as("each user once").doesNotContainKey(user);
            List<String> ids = new ArrayList<>();
            for (Play p : plays) {
                assertThat(p.userId).isEqualTo(user);
                ids.add(p.playId + "/" + p.trackId + "/" + p.playedAt + "/" + p.copies + "/" + p.origin + "/"
                        + p.trackIndex);
            }
            seen.put(user, ids);
        });
        return seen;
    }

    @Test
    void everyUserGetsAllOfItsPlaysInArrivalOrderAcrossSpillsAndTheFilesAreGone() throws Exception {
        // Enough plays that every bucket spills several times (64 KB each), users interleaved.
        Map<String, List<String>> expected = new TreeMap<>();
        List<Play> plays = new ArrayList<>();
        for (long i = 0; i < 400_000; i++) {
            Play p = play(i, "U" + (i * 7919 % 3_001));
            plays.add(p);
            expected.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(p.playId + "/" + p.trackId + "/"
                    + p.playedAt + "/" + p.copies + "/" + p.origin + "/" + p.trackIndex);
        }
        try (UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"))) {
            for (Play p : plays) {
                buckets.add(p);
            }
            assertThat(spillFiles()).isNotEmpty();
            assertThat(gathered(buckets)).isEqualTo(expected);
            assertThat(spillFiles()).as("each bucket's file deleted once read").isEmpty();
        }
        assertThat(tmp.toFile().list()).as("its folder too, once closed").isEmpty();
    }

    @Test
    void aFewPlaysNeverTouchTheDiskAndNoPlaysGiveNoUser() throws Exception {
        try (UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"))) {
            buckets.add(play(1, "U1"));
            buckets.add(play(2, "U2"));
            buckets.add(play(3, "U1"));
            assertThat(spillFiles()).isEmpty();
            assertThat(gathered(buckets)).containsOnlyKeys("U1", "U2");
        }
        try (UserBuckets empty = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"))) {
            assertThat(gathered(empty)).isEmpty();
        }
    }

    @Test
    void closingBeforeTheEndDeletesWhatWasSpilled() throws Exception {
        UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"));
        for (long i = 0; i < 100_000; i++) {
            buckets.add(play(i, "U" + i % 10));
        }
        assertThat(spillFiles()).isNotEmpty();
        buckets.close(); // a failed run
        assertThat(tmp.toFile().list()).isEmpty();
    }

    private List<File> spillFiles() throws Exception {
        try (var files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).map(Path::toFile).toList();
        }
    }
}
