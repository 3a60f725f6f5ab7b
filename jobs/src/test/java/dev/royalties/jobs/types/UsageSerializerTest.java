package dev.royalties.jobs.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class UsageSerializerTest {
    private static DataOutputSerializer written(Usage u) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        UsageSerializer.INSTANCE.serialize(u, out);
        return out;
    }

    private static Usage roundTrip(Usage u) throws Exception {
        return UsageSerializer.INSTANCE.deserialize(new DataInputDeserializer(written(u).getCopyOfBuffer()));
    }

    @Test
    void everyFieldSurvivesIncludingNullsAndCopies() throws Exception {
        Usage u = new Usage("G1", "L1", "M-7", "T000042", "training", 1_790_000_000_123_456L, 12);
        u.copies = 2;
        assertThat(roundTrip(u)).usingRecursiveComparison().isEqualTo(u);

        Usage empty = new Usage(null, "", null, "ünïcødé 🎵", null, Times.NULL, Nulls.LONG);
        assertThat(roundTrip(empty)).usingRecursiveComparison().isEqualTo(empty);
    }

    @Test
    void copyingTheBytesGivesTheSameBytes() throws Exception {
        Usage u = new Usage("G1", null, "M", "T1", "generation", 5L, 1);
        byte[] bytes = written(u).getCopyOfBuffer();
        DataOutputSerializer copied = new DataOutputSerializer(64);
        UsageSerializer.INSTANCE.copy(new DataInputDeserializer(bytes), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
    }

    @Test
    void theSnapshotRestoresTheSameSerializer() {
        assertThat(UsageSerializer.INSTANCE.snapshotConfiguration().restoreSerializer())
                .isSameAs(UsageSerializer.INSTANCE);
    }
}
