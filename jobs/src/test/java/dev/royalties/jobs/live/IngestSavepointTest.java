package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.testing.Flink;
import dev.royalties.testing.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A running ingest is stopped with a savepoint and resumed from it: every play once, none lost. */
class IngestSavepointTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final long START = Times.micros(Instant.parse("2026-10-20T00:00:00Z"));

    static List<byte[]> plays(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(LiveJson.toJson(new Play(String.format("S%06d", i), "U" + (i % 101), "T" + (i % 17),
                    START + i * 1_000_000L, 45_000, "GB", "family")));
        }
        return out;
    }

    @Test
    void stopWithSavepointAndResumeArchivesEveryPlayOnce(@TempDir Path work) throws Exception {
        LiveFixtures.Topics topics = LiveFixtures.newTopics("savepoint");
        Path archive = work.resolve("archive");
        String[] base = LiveFixtures.args(KafkaTestBroker.bootstrapServers(), topics, archive);
        KafkaTestBroker.send(topics.plays(), plays(0, 5_000));
        JobClient job = LiveFixtures.start(IngestCommand.parse(base));
        LiveFixtures.await("the first plays in the archive", Duration.ofSeconds(60), () -> archived(archive) == 5_000);
        KafkaTestBroker.send(topics.plays(), plays(5_000, 10_000)); // in flight while stopping
        String savepoint = job.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        int atStop = archived(archive);
        KafkaTestBroker.send(topics.plays(), plays(10_000, 15_000)); // while the job is down

        // Resumed as it ran: streaming. (A --bounded run cannot resume a streaming savepoint: the
        // restored Kafka splits keep the "no stopping offset" they were saved with.)
        List<String> resume = new ArrayList<>(List.of(base));
        resume.addAll(List.of("--from-savepoint", savepoint));
        JobClient resumed = LiveFixtures.start(IngestCommand.parse(resume.toArray(new String[0])));
        try {
            LiveFixtures.await("all plays in the archive", Duration.ofSeconds(90), () -> archived(archive) >= 15_000);
            Thread.sleep(1_500); // a few more checkpoints: nothing more may appear
        } finally {
            resumed.cancel().get();
        }

        List<String> ids = LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).stream().map(p -> p.playId)
                .toList();
        assertThat(atStop).isBetween(5_000, 10_000);
        assertThat(ids).hasSize(15_000).doesNotHaveDuplicates();
    }

    static int archived(Path archive) {
        try {
            return LiveFixtures.archived(archive, Tables.PLAYS, Tables.PLAY).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
