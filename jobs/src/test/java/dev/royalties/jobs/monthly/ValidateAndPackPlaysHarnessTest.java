package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.jobs.types.PlayBytes;
import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import dev.royalties.testing.InputFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The user-first pipeline's reading chain on its own: rows checked, valid plays packed for their
 * worker and bucket, their fingerprints packed for the cross-user check, the rest quarantined, the
 * counts at the end; after that the operator holds nothing.
 */
class ValidateAndPackPlaysHarnessTest {
    private static final Period OCTOBER = Period.parse("2026-10");

    private static UserPlayRecord row(String playId, String userId, long playedAt, int msPlayed) {
        return UserPlayRecord.of(0, 0, new Play(playId, userId, "T1", playedAt, msPlayed, "FR", "premium"));
    }

    @Test
    void validPlaysLeavePackedWithTheirFingerprintsAndTheRestIsQuarantined() throws Exception {
        ValidateAndPackPlays op = new ValidateAndPackPlays(OCTOBER, 2);
        try (OneInputStreamOperatorTestHarness<UserPlayRecord, UserPlayBlock> h =
                     new OneInputStreamOperatorTestHarness<>(op)) {
            h.open();
            long oct10 = InputFolder.at("2026-10-10T00:00:00Z");
            for (int i = 0; i < 1_500; i++) {
                h.processElement(new StreamRecord<>(row("P" + i, "U" + i % 37, oct10 + i, 40_000)));
            }
            h.processElement(new StreamRecord<>(row("", "U1", oct10, 40_000))); // no play_id
            assertThat(op.holdsState()).isTrue();
            h.endInput();

            List<String> packed = new ArrayList<>();
            for (UserPlayBlock b : h.extractOutputValues()) {
                DataInputDeserializer in = new DataInputDeserializer(b.bytes, 0, b.length);
                var reader = new PlayBytes.Reader(i -> "T" + i);
                while (in.available() > 0) {
                    Play p = reader.read(PlayBytes.read(in), 0);
                    assertThat(UserPlayPacker.route(ShuffleKeys.hash(p.userId), 2)).isEqualTo(b.route);
                    packed.add(p.playId);
                }
            }
            assertThat(packed).hasSize(1_500).doesNotHaveDuplicates().allMatch(id -> id.startsWith("P"));

            long pairs = 0;
            for (StreamRecord<long[]> r : h.getSideOutput(Streams.FINGERPRINT_BLOCKS)) {
                long[] block = r.getValue();
                for (int at = 1; at < block.length; at += 2) {
                    assertThat(PlayFingerprints.bucket(block[at])).isEqualTo((int) block[0]);
                    pairs++;
                }
            }
            assertThat(pairs).isEqualTo(1_500);
            assertThat(h.getSideOutput(Streams.QUARANTINE)).hasSize(1);
            Map<String, Long> counters = new TreeMap<>();
            h.getSideOutput(Streams.PARTIALS).forEach(r -> counters.put(r.getValue().counter, r.getValue().value));
            assertThat(counters).containsEntry("plays.read", 1_501L).containsEntry("plays.quarantined", 1L);
            assertThat(op.holdsState()).as("released after its blocks left").isFalse();
        }
    }
}
