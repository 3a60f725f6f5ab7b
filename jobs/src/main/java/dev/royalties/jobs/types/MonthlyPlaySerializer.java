package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The plays of the monthly (batch) job: {@link PlaySerializer}'s fields and the optional origin.
 * A separate serializer so that the live job's savepoints, written by {@link PlaySerializer},
 * keep their format; a batch job never restores state, so this format may change freely.
 */
public final class MonthlyPlaySerializer extends MutableRecordSerializer<Play> {
    private static final long serialVersionUID = 1L;
    public static final MonthlyPlaySerializer INSTANCE = new MonthlyPlaySerializer();

    @Override
    public Play createInstance() {
        return new Play();
    }

    @Override
    public Play copy(Play from) {
        Play p = PlaySerializer.INSTANCE.copy(from);
        p.origin = from.origin;
        return p;
    }

    @Override
    public void serialize(Play p, DataOutputView out) throws IOException {
        PlaySerializer.INSTANCE.serialize(p, out);
        StringValue.writeString(p.origin, out);
    }

    @Override
    public Play deserialize(DataInputView in) throws IOException {
        Play p = PlaySerializer.INSTANCE.deserialize(in);
        p.origin = StringValue.readString(in);
        return p;
    }

    @Override
    public TypeSerializerSnapshot<Play> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Play> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
