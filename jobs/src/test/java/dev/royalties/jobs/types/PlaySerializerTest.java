package dev.royalties.jobs.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Nulls;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class PlaySerializerTest {
    private static Play roundTrip(Play p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        PlaySerializer.INSTANCE.serialize(p, out);
        return PlaySerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void everyFieldSurvivesIncludingNullsAndCopies() throws Exception {
        Play p = new Play("P1", "U1", "T1", 1_790_000_000_123_456L, 31_000, "FR", "premium");
        p.copies = 3;
        Play back = roundTrip(p);
        assertThat(back).usingRecursiveComparison().isEqualTo(p);

        Play empty = new Play(null, "", null, Times.NULL, Nulls.INT, null, "ünïcødé 🎵");
        assertThat(roundTrip(empty)).usingRecursiveComparison().isEqualTo(empty);
    }

    @Test
    void theSnapshotRestoresTheSameSerializer() {
        assertThat(PlaySerializer.INSTANCE.snapshotConfiguration().restoreSerializer())
                .isSameAs(PlaySerializer.INSTANCE);
        assertThat(new FixedSerializerTypeInfo<>(Play.class, PlaySerializer.INSTANCE).createSerializer(null))
                .isSameAs(PlaySerializer.INSTANCE);
    }
}
