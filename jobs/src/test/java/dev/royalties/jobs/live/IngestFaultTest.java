package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.testing.Flink;
import dev.royalties.testing.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under failure: the job is failed mid-stream, after at least one checkpoint has
 * completed (so files were committed and offsets stored) and with more data in flight; it restarts
 * from the checkpoint, and the archive holds every play exactly once.
 */
class IngestFaultTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final int PLAYS = 60_000;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    /** Throws once, on the first attempt, after a checkpoint completed and some records went by. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<Play, Play> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private boolean checkpointed;

        @Override
        public Play map(Play p) throws Exception {
            long n = SEEN.incrementAndGet();
            if (!FAILED.get()) {
                if (!checkpointed && n > PLAYS / 6) {
                    Thread.sleep(1); // hold the first attempt back until a checkpoint has completed
                }
                if (checkpointed && n > PLAYS / 3 && FAILED.compareAndSet(false, true)) {
                    throw new RuntimeException("injected failure after " + n + " plays");
                }
            }
            return p;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    @Test
    void afterAFailureAndRestartFromCheckpointEachPlayIsArchivedExactlyOnce(@TempDir Path work) throws Exception {
        LiveFixtures.Topics topics = LiveFixtures.newTopics("fault");
        long start = Times.micros(Instant.parse("2026-10-01T00:00:00Z"));
        List<byte[]> messages = new ArrayList<>(PLAYS);
        for (int i = 0; i < PLAYS; i++) {
            messages.add(LiveJson.toJson(new Play(String.format("P%07d", i), "U" + (i % 977), "T" + (i % 300),
                    start + i * 40_000_000L, 31_000 + i % 100_000, "DE", "premium")));
        }
        KafkaTestBroker.send(topics.plays(), messages);

        Path archive = work.resolve("archive");
        IngestCommand.Options o = IngestCommand.parse(LiveFixtures.args(KafkaTestBroker.bootstrapServers(), topics,
                archive, "--bounded", "--checkpoint-interval-ms", "200"));
        LiveFixtures.runBounded(o, plays -> plays.map(new FailOnceAfterCheckpoint()).name("fail once (test)"));

        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(SEEN.get()).as("records were replayed after the restart").isGreaterThan(PLAYS);
        List<String> ids = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream().map(p -> p.playId)
                .sorted().toList();
        assertThat(ids).hasSize(PLAYS).doesNotHaveDuplicates();
        assertThat(ids.get(0)).isEqualTo("P0000000");
        assertThat(ids.get(PLAYS - 1)).isEqualTo(String.format("P%07d", PLAYS - 1));
    }
}
