package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The plays of the monthly (batch) job, with the optional origin and the track's catalogue index
 * ({@link Play#trackIndex}), strings in {@link CompactText}.
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
        p.trackIndex = trackIndex(from);
        return p;
    }

    @Override
    public void serialize(Play p, DataOutputView out) throws IOException {
        CompactText.write(p.playId, out);
        CompactText.write(p.userId, out);
        CompactText.write(p.trackId, out);
        out.writeLong(p.playedAt);
        out.writeInt(p.msPlayed);
        CompactText.write(p.country, out);
        CompactText.write(p.product, out);
        out.writeInt(p.copies);
        CompactText.write(p.origin, out);
        out.writeInt(trackIndex(p));
    }

    /** The catalogue index the reader found, or the one of the credits a stage looked up since. */
    static int trackIndex(Play p) {
        return p.credits != null ? p.credits.index() : p.trackIndex;
    }

    @Override
    public Play deserialize(DataInputView in) throws IOException {
        Play p = new Play(CompactText.read(in), CompactText.read(in), CompactText.read(in), in.readLong(),
                in.readInt(), CompactText.readCode(in), CompactText.readCode(in));
        p.copies = in.readInt();
        p.origin = CompactText.readCode(in);
        p.trackIndex = in.readInt();
        return p;
    }

    /** Byte to byte, without building a play: the batch sorts copy every record they spill. */
    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        CompactText.copy(in, out);
        CompactText.copy(in, out);
        CompactText.copy(in, out);
        out.writeLong(in.readLong());
        out.writeInt(in.readInt());
        CompactText.copy(in, out);
        CompactText.copy(in, out);
        out.writeInt(in.readInt());
        CompactText.copy(in, out);
        out.writeInt(in.readInt());
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
