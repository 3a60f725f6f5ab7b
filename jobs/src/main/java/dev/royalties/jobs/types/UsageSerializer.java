package dev.royalties.jobs.types;

import dev.royalties.rules.Usage;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes an AI usage row field by field. Flink's POJO serializer reached every field by reflection,
 * with a null tag each; the rows cross the shuffle by usage_id and the sort behind it twice, in a
 * stage that the allocation waits for (a tenth of that stage's samples, async-profiler, issue 10).
 * The field order is the wire format.
 */
public final class UsageSerializer extends MutableRecordSerializer<Usage> {
    private static final long serialVersionUID = 1L;
    public static final UsageSerializer INSTANCE = new UsageSerializer();

    @Override
    public Usage createInstance() {
        return new Usage();
    }

    @Override
    public Usage copy(Usage from) {
        Usage u = new Usage(from.usageId, from.licenseeId, from.modelId, from.trackId, from.scope, from.usedAt,
                from.units);
        u.copies = from.copies;
        return u;
    }

    @Override
    public void serialize(Usage u, DataOutputView out) throws IOException {
        StringValue.writeString(u.usageId, out);
        StringValue.writeString(u.licenseeId, out);
        StringValue.writeString(u.modelId, out);
        StringValue.writeString(u.trackId, out);
        StringValue.writeString(u.scope, out);
        out.writeLong(u.usedAt);
        out.writeLong(u.units);
        out.writeInt(u.copies);
    }

    @Override
    public Usage deserialize(DataInputView in) throws IOException {
        Usage u = new Usage(StringValue.readString(in), StringValue.readString(in), StringValue.readString(in),
                StringValue.readString(in), StringValue.readString(in), in.readLong(), in.readLong());
        u.copies = in.readInt();
        return u;
    }

    @Override
    public TypeSerializerSnapshot<Usage> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Usage> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
