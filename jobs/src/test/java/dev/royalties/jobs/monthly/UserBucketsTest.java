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

    /** Plays of tracks T0 to T6; T0 to T3 are in the "catalogue", at indexes 0 to 3; the rest are unmatched. */
    private static Play play(long i, String user) {
        int track = (int) (i % 7);
        Play p = new Play(String.format("P%011d", i), user, "T" + track, i, 40_000, i % 4 == 0 ? "FR" : "Fr",
                i % 3 == 0 ? "premium" : "trial-x", i % 5 == 0 ? null : "search");
        p.copies = 1 + (int) (i % 3);
        p.trackIndex = track < 4 ? track : -1;
        if (i % 1_000 == 0) {
            p.playId = "P\u20ac" + i; // beyond Latin-1: the slow path
        }
        return p;
    }

    private static String trackIdAt(int index) {
        return "T" + index;
    }

    private static Map<String, List<String>> gathered(UserBuckets buckets) throws Exception {
        Map<String, List<String>> seen = new TreeMap<>();
        buckets.forEachUser((user, plays) -> {
            assertThat(seen).as("each user once").doesNotContainKey(user);
            List<String> ids = new ArrayList<>();
            for (Play p : plays) {
                assertThat(p.userId).isEqualTo(user);
                ids.add(describe(p));
            }
            seen.put(user, ids);
        });
        return seen;
    }

    private static String describe(Play p) {
        return p.playId + "/" + p.userId + "/" + p.trackId + "/" + p.playedAt + "/" + p.msPlayed + "/" + p.country
                + "/" + p.product + "/" + p.copies + "/" + p.origin + "/" + p.trackIndex;
    }

    @Test
    void everyUserGetsAllOfItsPlaysInArrivalOrderAcrossSpillsAndTheFilesAreGone() throws Exception {
        // Enough plays that every bucket spills several times (64 KB each), users interleaved.
        Map<String, List<String>> expected = new TreeMap<>();
        List<Play> plays = new ArrayList<>();
        for (long i = 0; i < 400_000; i++) {
            Play p = play(i, "U" + (i * 7919 % 3_001));
            plays.add(p);
            expected.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(describe(p));
        }
        try (UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"), UserBucketsTest::trackIdAt)) {
            for (var block : UserPlayRecords.received(plays)) {
                buckets.add(block);
            }
            assertThat(spillFiles()).isNotEmpty();
            assertThat(gathered(buckets)).isEqualTo(expected);
            assertThat(spillFiles()).as("each bucket's file deleted once read").isEmpty();
        }
        assertThat(tmp.toFile().list()).as("its folder too, once closed").isEmpty();
    }

    @Test
    void usersWhoseHashesCollideAreHandedOverApartAndWhole() throws Exception {
        // Every user_id hashes alike: a bucket's grouping puts all their plays in one interleaved run.
        Map<String, List<String>> expected = new TreeMap<>();
        try (UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"), UserBucketsTest::trackIdAt,
                h -> 42L)) {
            List<Play> plays = new ArrayList<>();
            for (long i = 0; i < 3_000; i++) {
                Play p = play(i, "U" + i % 13);
                plays.add(p);
                expected.computeIfAbsent(p.userId, k -> new ArrayList<>()).add(describe(p));
            }
            for (var block : UserPlayRecords.received(plays)) {
                buckets.add(block);
            }
            assertThat(gathered(buckets)).isEqualTo(expected);
        }
    }

    @Test
    void aFewPlaysNeverTouchTheDiskAndNoPlaysGiveNoUser() throws Exception {
        try (UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"), UserBucketsTest::trackIdAt)) {
            for (var block : UserPlayRecords.received(List.of(play(1, "U1"), play(2, "U2"), play(3, "U1")))) {
                buckets.add(block);
            }
            assertThat(spillFiles()).isEmpty();
            assertThat(gathered(buckets)).containsOnlyKeys("U1", "U2");
        }
        try (UserBuckets empty = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"), UserBucketsTest::trackIdAt)) {
            assertThat(gathered(empty)).isEmpty();
        }
    }

    @Test
    void closingBeforeTheEndDeletesWhatWasSpilled() throws Exception {
        UserBuckets buckets = new UserBuckets(new SpillFolder(tmp.toFile(), "user-plays-"), UserBucketsTest::trackIdAt);
        List<Play> plays = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            plays.add(play(i, "U" + i % 10));
        }
        for (var block : UserPlayRecords.received(plays)) {
            buckets.add(block);
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
