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
 * <p>The fields: play_id, user_id (texts, {@link CompactText}), then numbers seven bits a byte
 * (low bits first, signed ones zigzagged): the track index plus one (0 when the reader did not find
 * the track, and the track_id text follows; the catalogue gives it otherwise, on every worker the
 * same), played_at, ms_played, copies, then country, product and origin as {@link #codeValue}s (a
 * known code by number, which also spares the receiver comparing their bytes with every known word;
 * 1 when the text follows). A generated month's play takes about 44 bytes, length included, where
 * fixed-width fields and the user's hash took 58: every byte is compressed, sent, spilled, read
 * back and decompressed once (issue 10).
 */
public final class PlayBytes {
    private static final int SHORT = CompactText.SHORT;
    private static final int CODE_NULL_VALUE = 0;
    private static final int CODE_TEXT_VALUE = 1;
    private static final int WORDS = CompactText.wordCount();
    private static final int COUNTRIES = CompactText.codeCount() - WORDS;

    private PlayBytes() {}

    /**
     * A country, product or origin as the number a play carries: 0 for null, 1 for a text that
     * follows, else its {@link CompactText} number moved so that the words (products and origins,
     * numbered after the 676 countries) are the smallest and take one byte.
     */
    static int codeValue(int number) {
        if (number == CompactText.CODE_NULL) {
            return CODE_NULL_VALUE;
        }
        if (number == CompactText.CODE_TEXT) {
            return CODE_TEXT_VALUE;
        }
        return 2 + (number >= COUNTRIES ? number - COUNTRIES : number + WORDS);
    }

    private static String codeOf(int value) {
        if (value == CODE_NULL_VALUE) {
            return null;
        }
        int v = value - 2;
        return CompactText.codeNumbered(v < WORDS ? v + COUNTRIES : v - WORDS);
    }

    /** Writes plays; holds a buffer, so one per thread. */
    public static final class Writer {
        private final DataOutputSerializer body = new DataOutputSerializer(128);

        public void write(Play p, DataOutputView out) throws IOException {
            body.clear();
            CompactText.write(p.playId, body);
            CompactText.write(p.userId, body);
            int index = MonthlyPlaySerializer.trackIndex(p);
            CompactText.writeVarLong(index < 0 ? 0 : index + 1L, body);
            if (index < 0) {
                CompactText.write(p.trackId, body);
            }
            CompactText.writeVarLong(zigzag(p.playedAt), body);
            CompactText.writeVarLong(zigzag(p.msPlayed), body);
            CompactText.writeVarLong(zigzag(p.copies), body);
            writeCode(p.country);
            writeCode(p.product);
            writeCode(p.origin);
            CompactText.writeVarLong(body.length(), out);
            out.write(body.getSharedBuffer(), 0, body.length());
        }

        private void writeCode(String code) throws IOException {
            int number = code == null ? CompactText.CODE_NULL : CompactText.numberOf(code);
            int value = codeValue(number < 0 ? CompactText.CODE_TEXT : number);
            CompactText.writeVarLong(value, body);
            if (value == CODE_TEXT_VALUE) {
                CompactText.write(code, body);
            }
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
        long track = trackIndex + 1L;
        long at = zigzag(playedAt);
        long ms = zigzag(msPlayed);
        int c = codeValue(country);
        int pr = codeValue(product);
        int o = codeValue(origin);
        byte[] b = new byte[2 + playLen + userLen + CompactText.varLongSize(track) + CompactText.varLongSize(at)
                + CompactText.varLongSize(ms) + 1 + CompactText.varLongSize(c) + CompactText.varLongSize(pr)
                + CompactText.varLongSize(o)];
        b[0] = (byte) playLen;
        System.arraycopy(playId, playOff, b, 1, playLen);
        int p = 1 + playLen;
        b[p++] = (byte) userLen;
        System.arraycopy(userId, userOff, b, p, userLen);
        p += userLen;
        p = CompactText.putVarLong(track, b, p);
        p = CompactText.putVarLong(at, b, p);
        p = CompactText.putVarLong(ms, b, p);
        b[p++] = 2; // copies: 1, zigzagged
        p = CompactText.putVarLong(c, b, p);
        p = CompactText.putVarLong(pr, b, p);
        CompactText.putVarLong(o, b, p);
        return b;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
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
     * Where the user_id's bytes start in the play whose fields start at {@code off}, when both ids
     * have the short form (a length byte below {@link CompactText#SHORT}, then Latin-1 bytes; the
     * length is the byte before), or -1: the receiver groups plays by a hash of these bytes without
     * building the play.
     */
    public static int userIdAt(byte[] b, int off) {
        int hPlay = b[off];
        if (hPlay < 0 || hPlay >= SHORT) {
            return -1;
        }
        int hUser = b[off + 1 + hPlay];
        return hUser >= 0 && hUser < SHORT ? off + 2 + hPlay : -1;
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
        /** Where {@link #next} reads. */
        private int at;

        /** @param trackIdAt the catalogue's track_id at a track index */
        public Reader(IntFunction<String> trackIdAt) {
            this.trackIdAt = trackIdAt;
        }

        /** The play whose fields start at {@code off} (after the length). */
        public Play read(byte[] b, int off) throws IOException {
            int u = userIdAt(b, off);
            if (u < 0) {
                return readSlowly(b, off); // a null or long id: not worth a fast path
            }
            int hPlay = b[off];
            int hUser = b[u - 1];
            at = u + hUser;
            long track = next(b);
            if (track == 0) {
                return readSlowly(b, off); // not in the catalogue: few plays
            }
            long playedAt = unzigzag(next(b));
            int msPlayed = (int) unzigzag(next(b));
            int copies = (int) unzigzag(next(b));
            int country = (int) next(b);
            int product = (int) next(b);
            int origin = (int) next(b);
            if (country == CODE_TEXT_VALUE || product == CODE_TEXT_VALUE || origin == CODE_TEXT_VALUE) {
                return readSlowly(b, off);
            }
            int trackIndex = (int) track - 1;
            Play play = new Play(new String(b, off + 1, hPlay, StandardCharsets.ISO_8859_1), userId(b, u, hUser),
                    trackIdAt.apply(trackIndex), playedAt, msPlayed, codeOf(country), codeOf(product),
                    codeOf(origin));
            play.copies = copies;
            play.trackIndex = trackIndex;
            return play;
        }

        /** {@link CompactText#readVarLong} off the array, from {@link #at}, which it moves on. */
        private long next(byte[] b) {
            int p = at;
            long v = b[p++];
            if (v < 0) { // more bytes follow
                v &= 0x7F;
                int shift = 7;
                int x;
                do {
                    x = b[p++];
                    v |= (long) (x & 0x7F) << shift;
                    shift += 7;
                } while (x < 0);
            }
            at = p;
            return v;
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
            int trackIndex = (int) (CompactText.readVarLong(in) - 1);
            String trackId = trackIndex >= 0 ? trackIdAt.apply(trackIndex) : CompactText.read(in);
            Play p = new Play(playId, userId, trackId, unzigzag(CompactText.readVarLong(in)),
                    (int) unzigzag(CompactText.readVarLong(in)), null, null);
            p.copies = (int) unzigzag(CompactText.readVarLong(in));
            p.country = readCode(in);
            p.product = readCode(in);
            p.origin = readCode(in);
            p.trackIndex = trackIndex;
            return p;
        }

        private static String readCode(DataInputView in) throws IOException {
            int value = (int) CompactText.readVarLong(in);
            return value == CODE_TEXT_VALUE ? CompactText.read(in) : codeOf(value);
        }
    }
}
