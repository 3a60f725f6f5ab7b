package dev.royalties.jobs.types;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A block of longs, its length then its longs, copied in bulk: Flink's serializer of a long array
 * writes them one call each, which was a twentieth of the reading thread for the 40 million longs
 * of the plays' fingerprints (async-profiler, issue 10). Holds a buffer, so unlike the other
 * hand-written serializers each thread gets its own instance ({@link #duplicate}).
 */
public final class LongBlockSerializer extends MutableRecordSerializer<long[]> {
    private static final long serialVersionUID = 1L;
    public static final LongBlockSerializer INSTANCE = new LongBlockSerializer();

    private transient ByteBuffer buffer;

    @Override
    public LongBlockSerializer duplicate() {
        return new LongBlockSerializer();
    }

    @Override
    public long[] createInstance() {
        return new long[0];
    }

    @Override
    public long[] copy(long[] from) {
        return from.clone();
    }

    private ByteBuffer buffer(int longs) {
        if (buffer == null || buffer.capacity() < longs * Long.BYTES) {
            buffer = ByteBuffer.allocate(Math.max(longs * Long.BYTES, 1 << 13));
        }
        buffer.clear();
        return buffer;
    }

    @Override
    public void serialize(long[] block, DataOutputView out) throws IOException {
        out.writeInt(block.length);
        ByteBuffer b = buffer(block.length);
        b.asLongBuffer().put(block);
        out.write(b.array(), 0, block.length * Long.BYTES);
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        long[] block = new long[in.readInt()];
        ByteBuffer b = buffer(block.length);
        in.readFully(b.array(), 0, block.length * Long.BYTES);
        b.asLongBuffer().get(block);
        return block;
    }

    @Override
    public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<long[]> {
        public Snapshot() {
            super(LongBlockSerializer::new);
        }
    }
}
