package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a play field by field with no reflection and no per-field null tags beyond the strings'
 * own. A monthly run serialises every play several times (shuffle out and in, sort buffer in and
 * out), so this is on the hottest path of the job. The field order is the wire format: change it
 * only with a new snapshot version.
 */
public final class PlaySerializer extends MutableRecordSerializer<Play> {
    private static final long serialVersionUID = 1L;
    public static final PlaySerializer INSTANCE = new PlaySerializer();

    @Override
    public Play createInstance() {
        return new Play();
    }

    @Override
    public Play copy(Play from) {
        Play p = new Play(from.playId, from.userId, from.trackId, from.playedAt, from.msPlayed, from.country,
                from.product);
        p.copies = from.copies;
        return p;
    }

    @Override
    public void serialize(Play p, DataOutputView out) throws IOException {
        StringValue.writeString(p.playId, out);
        StringValue.writeString(p.userId, out);
        StringValue.writeString(p.trackId, out);
        out.writeLong(p.playedAt);
        out.writeInt(p.msPlayed);
        StringValue.writeString(p.country, out);
        StringValue.writeString(p.product, out);
        out.writeInt(p.copies);
    }

    @Override
    public Play deserialize(DataInputView in) throws IOException {
        Play p = new Play(StringValue.readString(in), StringValue.readString(in), StringValue.readString(in),
                in.readLong(), in.readInt(), StringValue.readString(in), StringValue.readString(in));
        p.copies = in.readInt();
        return p;
    }

    /** Byte to byte, without building a play: the batch sorts copy every record they spill. */
    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        StringValue.copyString(in, out);
        StringValue.copyString(in, out);
        StringValue.copyString(in, out);
        out.writeLong(in.readLong());
        out.writeInt(in.readInt());
        StringValue.copyString(in, out);
        StringValue.copyString(in, out);
        out.writeInt(in.readInt());
    }

    @Override
    public TypeSerializerSnapshot<Play> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from savepoints of the live job. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Play> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
