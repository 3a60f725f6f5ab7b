package dev.royalties.jobs.live;

import dev.royalties.jobs.types.FixedSerializerTypeInfo;
import dev.royalties.jobs.types.MutableRecordSerializer;

import dev.royalties.jobs.types.PlaySerializer;
import dev.royalties.rules.Verdict;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Hand-written serializers of the records of the accrual path (as {@link PlaySerializer} for plays):
 * field by field, no reflection, no per-field null tags beyond the strings' own (StringValue writes
 * null as a length). They run for every play and every delta on the way between subtasks, and for
 * every kept play at every checkpoint. The field order is the wire and state format: change it only
 * with a new snapshot version (or a new operator uid).
 */
public final class LiveTypes {
    private LiveTypes() {}

    public static final TypeInformation<UserEvent> USER_EVENT = new FixedSerializerTypeInfo<>(UserEvent.class, UserEventSerializer.INSTANCE);
    public static final TypeInformation<AccrualDelta> ACCRUAL_DELTA =
            new FixedSerializerTypeInfo<>(AccrualDelta.class, AccrualDeltaSerializer.INSTANCE);
    public static final TypeInformation<UserPlays> USER_PLAYS =
            new FixedSerializerTypeInfo<>(UserPlays.class, UserPlaysSerializer.INSTANCE);
    public static final TypeInformation<AccrualKey> ACCRUAL_KEY =
            new FixedSerializerTypeInfo<>(AccrualKey.class, AccrualKeySerializer.INSTANCE);
    public static final TypeInformation<AccrualBatch> ACCRUAL_BATCH =
            new FixedSerializerTypeInfo<>(AccrualBatch.class, AccrualBatchSerializer.INSTANCE);

    /**
     * The bytes of {@link StringValue#writeString} (the state format is unchanged), in one write
     * for short ASCII strings instead of one call per character: checkpoint streams are not
     * buffered per byte, and every kept play is written at every checkpoint.
     */
    static void writeString(String s, DataOutputView out) throws IOException {
        if (s == null || s.length() >= 127) {
            StringValue.writeString(s, out);
            return;
        }
        int n = s.length();
        byte[] b = new byte[n + 1];
        b[0] = (byte) (n + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                StringValue.writeString(s, out);
                return;
            }
            b[i + 1] = (byte) c;
        }
        out.write(b);
    }

    static void writeVerdict(Verdict v, DataOutputView out) throws IOException {
        StringValue.writeString(v.verdictId(), out);
        StringValue.writeString(v.subjectType(), out);
        StringValue.writeString(v.subjectId(), out);
        out.writeLong(v.validFrom());
        out.writeLong(v.validTo());
        StringValue.writeString(v.decision(), out);
        out.writeLong(v.decidedAt());
    }

    static Verdict readVerdict(DataInputView in) throws IOException {
        return new Verdict(StringValue.readString(in), StringValue.readString(in), StringValue.readString(in),
                in.readLong(), in.readLong(), StringValue.readString(in), in.readLong());
    }

    /** A play (tag 0) or a verdict on a user (tag 1). */
    public static final class UserEventSerializer extends MutableRecordSerializer<UserEvent> {
        private static final long serialVersionUID = 1L;
        public static final UserEventSerializer INSTANCE = new UserEventSerializer();

        @Override
        public UserEvent createInstance() {
            return new UserEvent();
        }

        @Override
        public UserEvent copy(UserEvent from) {
            UserEvent e = new UserEvent();
            e.play = from.play == null ? null : PlaySerializer.INSTANCE.copy(from.play);
            e.verdict = from.verdict; // a record: immutable
            return e;
        }

        @Override
        public void serialize(UserEvent e, DataOutputView out) throws IOException {
            if (e.play != null) {
                out.writeByte(0);
                PlaySerializer.INSTANCE.serialize(e.play, out);
            } else {
                out.writeByte(1);
                writeVerdict(e.verdict, out);
            }
        }

        @Override
        public UserEvent deserialize(DataInputView in) throws IOException {
            UserEvent e = new UserEvent();
            if (in.readByte() == 0) {
                e.play = PlaySerializer.INSTANCE.deserialize(in);
            } else {
                e.verdict = readVerdict(in);
            }
            return e;
        }

        @Override
        public TypeSerializerSnapshot<UserEvent> snapshotConfiguration() {
            return new UserEventSnapshot();
        }
    }

    public static final class UserEventSnapshot extends SimpleTypeSerializerSnapshot<UserEvent> {
        public UserEventSnapshot() {
            super(() -> UserEventSerializer.INSTANCE);
        }
    }

    static void writeKey(AccrualKey k, DataOutputView out) throws IOException {
        out.writeInt(k.day);
        StringValue.writeString(k.artistId, out);
        StringValue.writeString(k.country, out);
        StringValue.writeString(k.product, out);
    }

    static AccrualKey readKey(DataInputView in) throws IOException {
        return new AccrualKey(in.readInt(), StringValue.readString(in), StringValue.readString(in),
                StringValue.readString(in));
    }

    /** The key of the counting operator (keyed state, timers, the shuffle before it). */
    public static final class AccrualKeySerializer extends MutableRecordSerializer<AccrualKey> {
        private static final long serialVersionUID = 1L;
        public static final AccrualKeySerializer INSTANCE = new AccrualKeySerializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public AccrualKey createInstance() {
            return new AccrualKey(0, "", "", "");
        }

        @Override
        public AccrualKey copy(AccrualKey k) {
            return k;
        }

        @Override
        public void serialize(AccrualKey k, DataOutputView out) throws IOException {
            writeKey(k, out);
        }

        @Override
        public AccrualKey deserialize(DataInputView in) throws IOException {
            return readKey(in);
        }

        @Override
        public TypeSerializerSnapshot<AccrualKey> snapshotConfiguration() {
            return new AccrualKeySnapshot();
        }
    }

    public static final class AccrualKeySnapshot extends SimpleTypeSerializerSnapshot<AccrualKey> {
        public AccrualKeySnapshot() {
            super(() -> AccrualKeySerializer.INSTANCE);
        }
    }

    public static final class AccrualDeltaSerializer extends MutableRecordSerializer<AccrualDelta> {
        private static final long serialVersionUID = 1L;
        public static final AccrualDeltaSerializer INSTANCE = new AccrualDeltaSerializer();

        @Override
        public AccrualDelta createInstance() {
            return new AccrualDelta();
        }

        @Override
        public AccrualDelta copy(AccrualDelta d) {
            return new AccrualDelta(d.key, d.delta);
        }

        @Override
        public void serialize(AccrualDelta d, DataOutputView out) throws IOException {
            writeKey(d.key, out);
            out.writeInt(d.delta);
        }

        @Override
        public AccrualDelta deserialize(DataInputView in) throws IOException {
            return new AccrualDelta(readKey(in), in.readInt());
        }

        @Override
        public TypeSerializerSnapshot<AccrualDelta> snapshotConfiguration() {
            return new AccrualDeltaSnapshot();
        }
    }

    public static final class AccrualDeltaSnapshot extends SimpleTypeSerializerSnapshot<AccrualDelta> {
        public AccrualDeltaSnapshot() {
            super(() -> AccrualDeltaSerializer.INSTANCE);
        }
    }

    /** Changed counts on their way to the JDBC sink (chained; serialized only if a job splits them). */
    public static final class AccrualBatchSerializer extends MutableRecordSerializer<AccrualBatch> {
        private static final long serialVersionUID = 1L;
        public static final AccrualBatchSerializer INSTANCE = new AccrualBatchSerializer();

        @Override
        public AccrualBatch createInstance() {
            return new AccrualBatch();
        }

        @Override
        public AccrualBatch copy(AccrualBatch b) {
            AccrualBatch c = new AccrualBatch(b.size);
            for (int i = 0; i < b.size; i++) {
                c.add(new AccrualKey(b.days[i], b.artistIds[i], b.countries[i], b.products[i]), b.eligiblePlays[i]);
            }
            return c;
        }

        @Override
        public void serialize(AccrualBatch b, DataOutputView out) throws IOException {
            out.writeInt(b.size);
            for (int i = 0; i < b.size; i++) {
                out.writeInt(b.days[i]);
                StringValue.writeString(b.artistIds[i], out);
                StringValue.writeString(b.countries[i], out);
                StringValue.writeString(b.products[i], out);
                out.writeLong(b.eligiblePlays[i]);
            }
        }

        @Override
        public AccrualBatch deserialize(DataInputView in) throws IOException {
            int n = in.readInt();
            AccrualBatch b = new AccrualBatch(n);
            for (int i = 0; i < n; i++) {
                b.add(new AccrualKey(in.readInt(), StringValue.readString(in), StringValue.readString(in),
                        StringValue.readString(in)), in.readLong());
            }
            return b;
        }

        @Override
        public TypeSerializerSnapshot<AccrualBatch> snapshotConfiguration() {
            return new AccrualBatchSnapshot();
        }
    }

    public static final class AccrualBatchSnapshot extends SimpleTypeSerializerSnapshot<AccrualBatch> {
        public AccrualBatchSnapshot() {
            super(() -> AccrualBatchSerializer.INSTANCE);
        }
    }

    /** The accrual state of one user: the kept plays column by column, then the user's verdicts. */
    public static final class UserPlaysSerializer extends MutableRecordSerializer<UserPlays> {
        private static final long serialVersionUID = 1L;
        public static final UserPlaysSerializer INSTANCE = new UserPlaysSerializer();

        @Override
        public UserPlays createInstance() {
            return new UserPlays();
        }

        @Override
        public UserPlays copy(UserPlays from) {
            return from.copy();
        }

        @Override
        public void serialize(UserPlays u, DataOutputView out) throws IOException {
            out.writeInt(u.size);
            for (int i = 0; i < u.size; i++) {
                writeString(u.playIds[i], out);
                writeString(u.trackIds[i], out);
                out.writeLong(u.playedAt[i]);
                out.writeInt(u.msPlayed[i]);
                writeString(u.countries[i], out);
                writeString(u.products[i], out);
                out.writeBoolean(u.payable[i]);
            }
            out.writeInt(u.verdicts.size());
            for (Verdict v : u.verdicts) {
                writeVerdict(v, out);
            }
        }

        @Override
        public UserPlays deserialize(DataInputView in) throws IOException {
            int n = in.readInt();
            UserPlays u = new UserPlays(Math.max(n, 4));
            for (int i = 0; i < n; i++) {
                int at = u.add(StringValue.readString(in));
                u.set(at, StringValue.readString(in), in.readLong(), in.readInt(),
                        Canonical.country(StringValue.readString(in)), Canonical.product(StringValue.readString(in)),
                        in.readBoolean());
            }
            int v = in.readInt();
            for (int i = 0; i < v; i++) {
                u.verdicts.add(readVerdict(in));
            }
            return u;
        }

        @Override
        public TypeSerializerSnapshot<UserPlays> snapshotConfiguration() {
            return new UserPlaysSnapshot();
        }
    }

    public static final class UserPlaysSnapshot extends SimpleTypeSerializerSnapshot<UserPlays> {
        public UserPlaysSnapshot() {
            super(() -> UserPlaysSerializer.INSTANCE);
        }
    }
}
