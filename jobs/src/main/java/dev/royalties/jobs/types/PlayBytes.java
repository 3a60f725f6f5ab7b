package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A play on its way to the per-user stage, as bytes: a length, then the fields. The length lets
 * the receiver take a play off the network with one bulk copy, without looking at its fields (it
 * only spills them), and build it later straight from a byte array. Parsing every field to find
 * where a play ended, and going through a DataInputView a byte at a time, was an eighth of the
 * per-user stage (async-profiler, issue 10).
 *
 * <p>The fields: play_id, user_id (texts), track index (4 bytes; -1 when the reader did not find the
 * track), the track_id only when the index is -1 (the catalogue gives it otherwise, on every worker
 * the same), played_at (8), ms_played (4), copies (4), then country, product and origin in two bytes
 * each ({@link CompactText#writeCode}: known codes by number, which also spares the receiver
 * comparing their bytes with every known word); other texts as {@link CompactText} writes them. The
 * length is unsigned, seven bits a byte.
 */
public final class PlayBytes {
    private static final int SHORT = CompactText.SHORT;

    private PlayBytes() {}

    /** Writes plays; holds a buffer, so one per thread. */
    public static final class Writer {
        private final DataOutputSerializer body = new DataOutputSerializer(128);

        public void write(Play p, DataOutputView out) throws IOException {
            body.clear();
            CompactText.write(p.playId, body);
            CompactText.write(p.userId, body);
            int index = MonthlyPlaySerializer.trackIndex(p);
            body.writeInt(index);
            if (index < 0) {
                CompactText.write(p.trackId, body);
            }
            body.writeLong(p.playedAt);
            body.writeInt(p.msPlayed);
            body.writeInt(p.copies);
            CompactText.writeCode(p.country, body);
            CompactText.writeCode(p.product, body);
            CompactText.writeCode(p.origin, body);
            CompactText.writeVarLong(body.length(), out);
            out.write(body.getSharedBuffer(), 0, body.length());
        }
    }

    /**
     * What {@link Writer} writes (less the length) for a play read once, of a catalogue track, whose
     * play_id and user_id are ASCII and shorter than {@link CompactText#SHORT} bytes and whose
     * country, product and origin have code numbers ({@link CompactText#numberOf}; origin may be
     * {@link CompactText#CODE_NULL}): the same bytes, from the values a columnar reader holds, with
     * no Play and no String on the way.
     */
    public static byte[] fromValues(byte[] playId, int playOff, int playLen, byte[] userId, int userOff, int userLen,
                                    int trackIndex, long playedAt, int msPlayed, int country, int product,
                                    int origin) {
        byte[] b = new byte[playLen + userLen + 28];
        b[0] = (byte) playLen;
        System.arraycopy(playId, playOff, b, 1, playLen);
        int p = 1 + playLen;
        b[p++] = (byte) userLen;
        System.arraycopy(userId, userOff, b, p, userLen);
        p += userLen;
        p = putInt(b, p, trackIndex);
        p = putInt(b, p, (int) (playedAt >>> 32));
        p = putInt(b, p, (int) playedAt);
        p = putInt(b, p, msPlayed);
        p = putInt(b, p, 1); // copies
        p = putShort(b, p, country);
        p = putShort(b, p, product);
        putShort(b, p, origin);
        return b;
    }

    private static int putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    private static int putShort(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
        return p + 2;
    }

    /** The next play's bytes on {@code in} (after its length), as a new array. */
    public static byte[] read(DataInputView in) throws IOException {
        byte[] b = new byte[(int) CompactText.readVarLong(in)];
        in.readFully(b);
        return b;
    }

    /** Writes a play's bytes as {@link #read} gives them back. */
    public static void write(byte[] fields, DataOutputView out) throws IOException {
        CompactText.writeVarLong(fields.length, out);
        out.write(fields);
    }

    /** Copies one play, length and all, without looking at its fields. */
    public static void copy(DataInputView in, DataOutputView out) throws IOException {
        // Not out.write(in, length): a DataOutputSerializer target refuses it instead of growing.
        write(read(in), out);
    }

    /**
     * Builds plays from bytes in an array. A play whose user_id has the bytes of the previous play's
     * gets the same String (so it is hashed once per user), and a play of a catalogue track gets the
     * catalogue's instance of its track_id.
     */
    public static final class Reader {
        private final IntFunction<String> trackIdAt;
        private final DataInputDeserializer fallback = new DataInputDeserializer();
        private byte[] userBytes = new byte[0];
        private String user;

        /** @param trackIdAt the catalogue's track_id at a track index */
        public Reader(IntFunction<String> trackIdAt) {
            this.trackIdAt = trackIdAt;
        }

        /** The play whose fields start at {@code off} (after the length). */
        public Play read(byte[] b, int off) throws IOException {
            int p = off;
            int hPlay = b[p];
            int hUser = hPlay < SHORT ? b[p + 1 + hPlay] : SHORT;
            if (hUser >= SHORT) {
                return readSlowly(b, off); // a null or long id: not worth a fast path
            }
            String playId = new String(b, p + 1, hPlay, StandardCharsets.ISO_8859_1);
            p += 1 + hPlay;
            String userId = userId(b, p + 1, hUser);
            p += 1 + hUser;
            int trackIndex = intAt(b, p);
            p += 4;
            if (trackIndex < 0) {
                return readSlowly(b, off); // not in the catalogue: few plays
            }
            long playedAt = longAt(b, p);
            int msPlayed = intAt(b, p + 8);
            int copies = intAt(b, p + 12);
            p += 16;
            int country = shortAt(b, p);
            int product = shortAt(b, p + 2);
            int origin = shortAt(b, p + 4);
            if (country == CompactText.CODE_TEXT || product == CompactText.CODE_TEXT
                    || origin == CompactText.CODE_TEXT) {
                return readSlowly(b, off);
            }
            Play play = new Play(playId, userId, trackIdAt.apply(trackIndex), playedAt, msPlayed, code(country),
                    code(product), code(origin));
            play.copies = copies;
            play.trackIndex = trackIndex;
            return play;
        }

        private static String code(int n) {
            return n == CompactText.CODE_NULL ? null : CompactText.codeNumbered(n);
        }

        private String userId(byte[] b, int from, int length) {
            if (user != null && Arrays.equals(b, from, from + length, userBytes, 0, userBytes.length)) {
                return user;
            }
            userBytes = Arrays.copyOfRange(b, from, from + length);
            user = new String(userBytes, StandardCharsets.ISO_8859_1);
            return user;
        }

        private Play readSlowly(byte[] b, int off) throws IOException {
            DataInputDeserializer in = fallback;
            in.setBuffer(b, off, b.length - off);
            String playId = CompactText.read(in);
            String userId = CompactText.read(in);
            int trackIndex = in.readInt();
            String trackId = trackIndex >= 0 ? trackIdAt.apply(trackIndex) : CompactText.read(in);
            Play p = new Play(playId, userId, trackId, in.readLong(), in.readInt(), null, null);
            p.copies = in.readInt();
            p.country = CompactText.readNumberedCode(in);
            p.product = CompactText.readNumberedCode(in);
            p.origin = CompactText.readNumberedCode(in);
            p.trackIndex = trackIndex;
            return p;
        }

        private static long longAt(byte[] b, int p) {
            return ((long) intAt(b, p) << 32) | (intAt(b, p + 4) & 0xFFFFFFFFL);
        }

        private static int shortAt(byte[] b, int p) {
            return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
        }

        private static int intAt(byte[] b, int p) {
            return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        }
    }
}
