package dev.royalties.jobs.types;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A block of longs, its length then its longs, copied in bulk: Flink's serializer of a long array
 * writes them one call each, which was a twentieth of the reading thread for the 40 million longs
 * of the plays' fingerprints (async-profiler, issue 10). Holds a buffer, so one per thread
 * ({@link #duplicate}).
 */
public final class LongBlockSerializer extends TypeSerializer<long[]> {
    private static final long serialVersionUID = 1L;
    public static final LongBlockSerializer INSTANCE = new LongBlockSerializer();

    private transient ByteBuffer buffer;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<long[]> duplicate() {
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

    @Override
    public long[] copy(long[] from, long[] reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
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
    public long[] deserialize(long[] reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LongBlockSerializer;
    }

    @Override
    public int hashCode() {
        return LongBlockSerializer.class.hashCode();
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
