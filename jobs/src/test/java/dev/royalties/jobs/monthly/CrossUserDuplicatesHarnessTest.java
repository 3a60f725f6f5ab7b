package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The check behind the user-first pipeline on its own: it counts each play hash that comes with more
 * than one user hash once, whatever the bucket's size, the probing its table needs, or a play hash
 * of 0 (the table's empty mark).
 */
class CrossUserDuplicatesHarnessTest {
    /** A block of {@link PlayFingerprints}: its bucket, then (play hash, user hash) pairs. */
    private static long[] block(long... pairs) {
        long[] block = new long[1 + pairs.length];
        block[0] = PlayFingerprints.bucket(pairs[0]);
        System.arraycopy(pairs, 0, block, 1, pairs.length);
        return block;
    }

    private static long count(List<long[]> blocks) throws Exception {
        CrossUserDuplicates op = new CrossUserDuplicates();
        try (OneInputStreamOperatorTestHarness<long[], Partial> h = new OneInputStreamOperatorTestHarness<>(op)) {
            h.open();
            for (long[] b : blocks) {
                h.processElement(new StreamRecord<>(b));
            }
            h.endInput();
            List<Partial> out = h.extractOutputValues();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).counter).isEqualTo(CrossUserDuplicates.COUNTER);
            return out.get(0).value;
        }
    }

    @Test
    void eachPlayHashUnderSeveralUsersCountsOnce() throws Exception {
        List<long[]> blocks = new ArrayList<>();
        long bucket = 7L << 56;
        blocks.add(block(bucket | 1, 100, bucket | 1, 100)); // two copies, one user: not counted
        blocks.add(block(bucket | 2, 100, bucket | 2, 200)); // two users: counted
        blocks.add(block(bucket | 3, 100, bucket | 3, 200, bucket | 3, 300, bucket | 3, 100)); // three: once
        blocks.add(block(0, 5, 0, 5, 0, 6, 0, 7)); // play hash 0, three users: once
        // hashes that share their low bits probe past each other; every fifth comes under a second user
        for (int i = 1; i <= 3_000; i++) {
            long play = bucket | (long) i << 32 | 9;
            blocks.add(block(play, i, play, i % 5 == 0 ? -i : i));
        }
        assertThat(count(blocks)).isEqualTo(3 + 600);
    }

    @Test
    void randomPairsAgreeWithASetOfPairs() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<long[]> blocks = new ArrayList<>();
        Map<Long, Set<Long>> users = new HashMap<>();
        for (int b = 0; b < 200; b++) {
            long[] pairs = new long[2 * 64];
            long top = (long) random.nextInt(4) << 56; // four buckets, many pairs each
            for (int i = 0; i < 64; i++) {
                long play = top | (random.nextLong() & 0xFFFFL); // few distinct hashes: many repeats
                long user = random.nextInt(3);
                pairs[2 * i] = play;
                pairs[2 * i + 1] = user;
                users.computeIfAbsent(play, k -> new HashSet<>()).add(user);
            }
            blocks.add(block(pairs));
        }
        long expected = users.values().stream().filter(s -> s.size() > 1).count();
        assertThat(expected).isPositive();
        assertThat(count(blocks)).isEqualTo(expected);
    }
}
