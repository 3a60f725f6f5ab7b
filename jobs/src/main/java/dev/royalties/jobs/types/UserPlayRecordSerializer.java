package dev.royalties.jobs.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The hash, then the play as {@link PlayBytes}. Reading copies the play's bytes without building it
 * (no strings): the receiver only spills them (see {@link UserPlayRecord}). Holds a scratch buffer,
 * so each thread gets its own instance ({@link #duplicate()}).
 */
public final class UserPlayRecordSerializer extends TypeSerializer<UserPlayRecord> {
    private static final long serialVersionUID = 1L;
    public static final UserPlayRecordSerializer INSTANCE = new UserPlayRecordSerializer();

    private transient PlayBytes.Writer writer;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<UserPlayRecord> duplicate() {
        return new UserPlayRecordSerializer();
    }

    @Override
    public UserPlayRecord createInstance() {
        return UserPlayRecord.received(0, new byte[0]);
    }

    @Override
    public UserPlayRecord copy(UserPlayRecord from) {
        return from; // immutable: neither side changes a record once made
    }

    @Override
    public UserPlayRecord copy(UserPlayRecord from, UserPlayRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(UserPlayRecord r, DataOutputView out) throws IOException {
        out.writeLong(r.userHash);
        serializePlay(r, out);
    }

    /** The play alone, as {@link PlayBytes}: a {@link UserPlayBlock} holds its plays so. */
    public void serializePlay(UserPlayRecord r, DataOutputView out) throws IOException {
        if (r.play != null) {
            if (writer == null) {
                writer = new PlayBytes.Writer();
            }
            writer.write(r.play, out);
        } else {
            PlayBytes.write(r.bytes, out);
        }
    }

    @Override
    public UserPlayRecord deserialize(DataInputView in) throws IOException {
        long hash = in.readLong();
        return UserPlayRecord.received(hash, PlayBytes.read(in));
    }

    @Override
    public UserPlayRecord deserialize(UserPlayRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeLong(source.readLong());
        PlayBytes.copy(source, target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof UserPlayRecordSerializer;
    }

    @Override
    public int hashCode() {
        return UserPlayRecordSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<UserPlayRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<UserPlayRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
