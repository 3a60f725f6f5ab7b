package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Plays packed by worker and user bucket before the shuffle to the per-user stage (issue 10). */
class UserPlayPackerTest {
    private static Play play(long i) {
        Play p = new Play("P" + i, "U" + i % 997, "T1", i, 40_000, "FR", "premium");
        p.trackIndex = 1;
        return p;
    }

    /** The play_ids a block holds, checking each play's user against the block's route and bucket. */
    private static List<String> unpack(UserPlayBlock b, int workers) throws Exception {
        List<String> plays = new ArrayList<>();
        DataInputDeserializer in = new DataInputDeserializer(b.bytes, 0, b.length);
        var reader = new dev.royalties.jobs.types.PlayBytes.Reader(i -> "T" + i);
        while (in.available() > 0) {
            // A block is its plays end to end; the user's hash stays behind.
            Play p = reader.read(dev.royalties.jobs.types.PlayBytes.read(in), 0);
            long hash = ShuffleKeys.hash(p.userId);
            assertThat(UserPlayPacker.route(hash, workers)).isEqualTo(b.route);
            assertThat(UserBuckets.bucket(hash)).isEqualTo(b.bucket);
            plays.add(p.playId);
        }
        assertThat(plays).hasSize(b.count);
        return plays;
    }

    @Test
    void everyPlayLeavesOnceInABlockOfItsWorkerAndBucketInArrivalOrder() throws Exception {
        int workers = 3;
        List<UserPlayBlock> blocks = new ArrayList<>();
        UserPlayPacker packer = new UserPlayPacker(workers, 512, b -> blocks.add(
                dev.royalties.jobs.types.UserPlayBlockSerializer.INSTANCE.copy(b)));
        List<String> sent = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            Play p = play(i);
            packer.add(UserPlayRecord.of(ShuffleKeys.hash(p.userId), ShuffleKeys.hash(p.playId), p));
            sent.add(p.playId);
        }
        int beforeFlush = blocks.size();
        assertThat(beforeFlush).as("full blocks leave before the end").isPositive();
        packer.flush();
        List<String> received = new ArrayList<>();
        for (UserPlayBlock b : blocks) {
            assertThat(b.length).isLessThan(512 + 64);
            received.addAll(unpack(b, workers));
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        // One user's plays in the order they were sent.
        List<Long> userU5 = received.stream().map(id -> Long.parseLong(id.substring(1))).filter(i -> i % 997 == 5)
                .toList();
        assertThat(userU5).isSorted().hasSize(21);
    }

    @Test
    void theOpenBlocksStayWithinTheirBudgetAndTheOperatorLetsGoOfThem() throws Exception {
        assertThat(UserPlayPacker.blockBytes(2)).isEqualTo(4 << 10);
        assertThat(UserPlayPacker.blockBytes(1024)).isEqualTo(1 << 10);
        PackUserPlays op = new PackUserPlays(2);
        try (OneInputStreamOperatorTestHarness<UserPlayRecord, UserPlayBlock> h =
                     new OneInputStreamOperatorTestHarness<>(op)) {
            h.open();
            Play p = play(7);
            h.processElement(new StreamRecord<>(UserPlayRecord.of(ShuffleKeys.hash(p.userId), 1L, p)));
            assertThat(h.getOutput()).as("a block leaves when full or at the end").isEmpty();
            assertThat(op.holdsState()).isTrue();
            h.endInput();
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(unpack(h.extractOutputValues().get(0), 2)).containsExactly("P7");
            assertThat(op.holdsState()).isFalse();
        }
    }
}
