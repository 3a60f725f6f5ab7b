package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.MutableRecordSerializer;
import dev.royalties.jobs.types.CompactText;
import dev.royalties.rules.AiTally;
import dev.royalties.rules.ArtistListeners;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.PoolCents;
import dev.royalties.rules.TallyRun;
import dev.royalties.rules.TrackListening;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The partials that reach the single allocation operator (millions of play tallies a month): a kind
 * byte and the set member's fields. Flink's POJO serializer built each one by reflection, a quarter
 * of the allocation's serial tail (JFR). Batch only, so the format may change freely.
 */
public final class PartialSerializer extends MutableRecordSerializer<Partial> {
    private static final long serialVersionUID = 1L;
    public static final PartialSerializer INSTANCE = new PartialSerializer();
    private static final int PLAYS = 0;
    private static final int AI = 1;
    private static final int TRACK = 2;
    private static final int LISTENERS = 3;
    private static final int POOL_CENTS = 4;
    private static final int COUNTER = 5;
    private static final int RUN = 6;

    @Override
    public Partial createInstance() {
        return new Partial();
    }

    @Override
    public Partial copy(Partial from) {
        Partial p = new Partial();
        if (from.run != null) {
            p.run = new TallyRun(from.run.country, from.run.product, from.run.size);
            for (int i = 0; i < from.run.size; i++) {
                p.run.add(from.run.indexes[i], from.run.counts, i * TallyRun.STRIDE);
            }
        } else if (from.plays != null) {
            p.plays = new PlayTally[from.plays.length];
            for (int i = 0; i < p.plays.length; i++) {
                p.plays[i] = copy(from.plays[i]);
            }
        } else if (from.ai != null) {
            p.ai = copy(from.ai);
        } else if (from.track != null) {
            p.track = new TrackListening(from.track.trackId, from.track.streams, from.track.listeners);
        } else if (from.listeners != null) {
            p.listeners = new ArtistListeners(from.listeners.artistId, from.listeners.listeners);
        } else if (from.poolCents != null) {
            p.poolCents = new PoolCents(from.poolCents.country, from.poolCents.product, from.poolCents.artistId,
                    from.poolCents.cents);
        }
        p.counter = from.counter;
        p.value = from.value;
        return p;
    }

    private static PlayTally copy(PlayTally from) {
        PlayTally t = new PlayTally(from.country, from.product, from.trackId);
        t.trackIndex = from.trackIndex;
        t.byStatus = from.byStatus.clone();
        t.activeEligible = from.activeEligible;
        return t;
    }

    private static AiTally copy(AiTally a) {
        AiTally t = new AiTally(a.licenseeId, a.scope, a.artistId);
        t.weightMicros = a.weightMicros;
        t.units = a.units;
        t.heldMicros = a.heldMicros;
        t.eligibleUnits = a.eligibleUnits;
        t.unmatchedUnits = a.unmatchedUnits;
        t.fraudUnits = a.fraudUnits;
        t.aiGeneratedUnits = a.aiGeneratedUnits;
        t.violationUnits = a.violationUnits;
        return t;
    }

    @Override
    public void serialize(Partial p, DataOutputView out) throws IOException {
        if (p.run != null) {
            out.writeByte(RUN);
            write(p.run, out);
        } else if (p.plays != null) {
            out.writeByte(PLAYS);
            CompactText.writeVarLong(p.plays.length, out);
            for (PlayTally t : p.plays) {
                write(t, out);
            }
        } else if (p.ai != null) {
            out.writeByte(AI);
            StringValue.writeString(p.ai.licenseeId, out);
            StringValue.writeString(p.ai.scope, out);
            StringValue.writeString(p.ai.artistId, out);
            for (long n : new long[] {p.ai.weightMicros, p.ai.units, p.ai.heldMicros, p.ai.eligibleUnits,
                p.ai.unmatchedUnits, p.ai.fraudUnits, p.ai.aiGeneratedUnits, p.ai.violationUnits}) {
                out.writeLong(n);
            }
        } else if (p.track != null) {
            out.writeByte(TRACK);
            StringValue.writeString(p.track.trackId, out);
            out.writeLong(p.track.streams);
            out.writeLong(p.track.listeners);
        } else if (p.listeners != null) {
            out.writeByte(LISTENERS);
            StringValue.writeString(p.listeners.artistId, out);
            out.writeLong(p.listeners.listeners);
        } else if (p.poolCents != null) {
            out.writeByte(POOL_CENTS);
            CompactText.write(p.poolCents.country, out);
            CompactText.write(p.poolCents.product, out);
            StringValue.writeString(p.poolCents.artistId, out);
            out.writeLong(p.poolCents.cents);
        } else {
            out.writeByte(COUNTER);
            StringValue.writeString(p.counter, out);
            out.writeLong(p.value);
        }
    }

    /**
     * Compact: a worker sends a tally per (pool, track) it saw, millions a month. The codes travel as
     * numbers and come back as shared instances; a catalogue track as its index (the receiver has
     * the catalogue), other tracks as text; counts, mostly small, as varints.
     */
    private static void write(PlayTally t, DataOutputView out) throws IOException {
        CompactText.writeCode(t.country, out);
        CompactText.writeCode(t.product, out);
        CompactText.writeVarLong(t.trackIndex + 1L, out);
        if (t.trackIndex < 0) {
            CompactText.write(t.trackId, out);
        }
        out.writeByte(t.byStatus.length);
        for (long n : t.byStatus) {
            CompactText.writeVarLong(n, out);
        }
        CompactText.writeVarLong(t.activeEligible, out);
    }

    /** A run: its pool's codes once, then per track the step from the previous index and its counts, as varints. */
    private static void write(TallyRun run, DataOutputView out) throws IOException {
        CompactText.writeCode(run.country, out);
        CompactText.writeCode(run.product, out);
        CompactText.writeVarLong(run.size, out);
        int previous = -1;
        for (int i = 0; i < run.size; i++) {
            CompactText.writeVarLong(run.indexes[i] - previous, out);
            previous = run.indexes[i];
            for (int at = i * TallyRun.STRIDE, end = at + TallyRun.STRIDE; at < end; at++) {
                CompactText.writeVarLong(run.counts[at], out);
            }
        }
    }

    private static TallyRun readRun(DataInputView in) throws IOException {
        String country = CompactText.readNumberedCode(in);
        String product = CompactText.readNumberedCode(in);
        TallyRun run = new TallyRun(country, product, Math.toIntExact(CompactText.readVarLong(in)));
        int index = -1;
        for (int i = 0; i < run.indexes.length; i++) {
            index += (int) CompactText.readVarLong(in);
            run.indexes[i] = index;
            for (int at = i * TallyRun.STRIDE, end = at + TallyRun.STRIDE; at < end; at++) {
                run.counts[at] = CompactText.readVarLong(in);
            }
        }
        run.size = run.indexes.length;
        return run;
    }

    private static PlayTally readPlay(DataInputView in) throws IOException {
        String country = CompactText.readNumberedCode(in);
        String product = CompactText.readNumberedCode(in);
        int index = (int) CompactText.readVarLong(in) - 1;
        // A catalogue track comes back as its index only: see withTrackId.
        PlayTally t = new PlayTally(country, product, index < 0 ? CompactText.read(in) : null);
        t.trackIndex = index;
        long[] byStatus = new long[in.readByte()];
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] = CompactText.readVarLong(in);
        }
        t.byStatus = byStatus;
        t.activeEligible = CompactText.readVarLong(in);
        return t;
    }

    @Override
    public Partial deserialize(DataInputView in) throws IOException {
        Partial p = new Partial();
        switch (in.readByte()) {
            case RUN -> p.run = readRun(in);
            case PLAYS -> {
                p.plays = new PlayTally[Math.toIntExact(CompactText.readVarLong(in))];
                for (int i = 0; i < p.plays.length; i++) {
                    p.plays[i] = readPlay(in);
                }
            }
            case AI -> {
                AiTally t = new AiTally(StringValue.readString(in), StringValue.readString(in),
                        StringValue.readString(in));
                t.weightMicros = in.readLong();
                t.units = in.readLong();
                t.heldMicros = in.readLong();
                t.eligibleUnits = in.readLong();
                t.unmatchedUnits = in.readLong();
                t.fraudUnits = in.readLong();
                t.aiGeneratedUnits = in.readLong();
                t.violationUnits = in.readLong();
                p.ai = t;
            }
            case TRACK -> p.track = new TrackListening(StringValue.readString(in), in.readLong(), in.readLong());
            case LISTENERS -> p.listeners = new ArtistListeners(StringValue.readString(in), in.readLong());
            case POOL_CENTS -> p.poolCents = new PoolCents(CompactText.readCode(in), CompactText.readCode(in),
                    StringValue.readString(in), in.readLong());
            case COUNTER -> {
                p.counter = StringValue.readString(in);
                p.value = in.readLong();
            }
            default -> throw new IOException("not a partial");
        }
        return p;
    }

    /**
     * Gives a tally that came over the network its track_id again: a catalogue track travels as its
     * index, which the receiver's catalogue (the same on every worker) turns back into the id.
     */
    static PlayTally withTrackId(PlayTally t, Catalogue catalogue) {
        if (t.trackId == null) {
            t.trackId = catalogue.trackIdAt(t.trackIndex);
        }
        return t;
    }

    @Override
    public TypeSerializerSnapshot<Partial> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Required by Flink's serializer contract; batch jobs never restore from it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Partial> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
