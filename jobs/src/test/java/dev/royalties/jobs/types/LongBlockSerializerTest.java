package dev.royalties.jobs.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class LongBlockSerializerTest {
    @Test
    void blocksOfEverySizeComeBackAsSentAndACopyWritesTheSameBytes() throws Exception {
        LongBlockSerializer serializer = new LongBlockSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        long[][] blocks = {new long[0], {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}, new long[5_000]};
        for (int i = 0; i < blocks[2].length; i++) {
            blocks[2][i] = i * 0x9E3779B97F4A7C15L;
        }
        for (long[] b : blocks) {
            serializer.serialize(b, out);
        }
        byte[] sent = out.getCopyOfBuffer();
        DataInputDeserializer in = new DataInputDeserializer(sent);
        for (long[] b : blocks) {
            assertThat(serializer.deserialize(in)).containsExactly(b);
        }
        DataOutputSerializer copied = new DataOutputSerializer(64);
        in = new DataInputDeserializer(sent);
        for (int i = 0; i < blocks.length; i++) {
            serializer.duplicate().copy(in, copied);
        }
        assertThat(copied.getCopyOfBuffer()).isEqualTo(sent);
    }
}
