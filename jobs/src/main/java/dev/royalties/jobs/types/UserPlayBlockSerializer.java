package dev.royalties.jobs.types;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Route, bucket, count, length, then the block's bytes as they are. */
public final class UserPlayBlockSerializer extends TypeSerializer<UserPlayBlock> {
    private static final long serialVersionUID = 1L;
    public static final UserPlayBlockSerializer INSTANCE = new UserPlayBlockSerializer();

    @Override
    public boolean isImmutableType() {
        return false; // the sender reuses its buffer once a block is serialized
    }

    @Override
    public TypeSerializer<UserPlayBlock> duplicate() {
        return this;
    }

    @Override
    public UserPlayBlock createInstance() {
        return new UserPlayBlock(0, 0, 0, new byte[0], 0);
    }

    @Override
    public UserPlayBlock copy(UserPlayBlock from) {
        return new UserPlayBlock(from.route, from.bucket, from.count, Arrays.copyOf(from.bytes, from.length),
                from.length);
    }

    @Override
    public UserPlayBlock copy(UserPlayBlock from, UserPlayBlock reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(UserPlayBlock b, DataOutputView out) throws IOException {
        out.writeInt(b.route);
        out.writeInt(b.bucket);
        out.writeInt(b.count);
        out.writeInt(b.length);
        out.write(b.bytes, 0, b.length);
    }

    @Override
    public UserPlayBlock deserialize(DataInputView in) throws IOException {
        int route = in.readInt();
        int bucket = in.readInt();
        int count = in.readInt();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new UserPlayBlock(route, bucket, count, bytes, bytes.length);
    }

    @Override
    public UserPlayBlock deserialize(UserPlayBlock reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof UserPlayBlockSerializer;
    }

    @Override
    public int hashCode() {
        return UserPlayBlockSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<UserPlayBlock> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<UserPlayBlock> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
