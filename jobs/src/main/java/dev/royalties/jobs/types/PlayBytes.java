package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;

/**
 * A play in {@link MonthlyPlaySerializer}'s format handled as bytes: copied off the network in bulk
 * without building it, and built later straight from a byte array. Going through a DataInputView a
 * byte at a time, and building every string, was a quarter of the per-user stage (JFR, issue 10).
 *
 * <p>The fields, in {@link MonthlyPlaySerializer#serialize}'s order: play_id, user_id, track_id
 * (texts), played_at (8 bytes), ms_played (4), country, product (texts), copies (4), origin (text),
 * track index (4); texts as {@link CompactText} writes them.
 */
public final class PlayBytes {
    private static final int SHORT = CompactText.SHORT;
    private static final int NULL = CompactText.NULL;

    private PlayBytes() {}

    /** Copies plays off a DataInputView; holds a buffer, so one per thread. */
    public static final class Copier {
        private byte[] buf = new byte[256];
        private int at;
        private DataOutputSerializer other;

        /** The next play's bytes on {@code in}, as a new array. */
        public byte[] copy(DataInputView in) throws IOException {
            at = 0;
            text(in);
            text(in);
            text(in);
            fixed(in, 12);
            text(in);
            text(in);
            fixed(in, 4);
            text(in);
            fixed(in, 4);
            return Arrays.copyOf(buf, at);
        }

        private void text(DataInputView in) throws IOException {
            int h = in.readByte();
            room(1);
            buf[at++] = (byte) h;
            if (h < SHORT) {
                fixed(in, h);
            } else if (h != NULL) {
                if (other == null) {
                    other = new DataOutputSerializer(64);
                }
                other.clear();
                StringValue.copyString(in, other);
                room(other.length());
                System.arraycopy(other.getSharedBuffer(), 0, buf, at, other.length());
                at += other.length();
            }
        }

        private void fixed(DataInputView in, int n) throws IOException {
            room(n);
            in.readFully(buf, at, n);
            at += n;
        }

        private void room(int more) {
            if (at + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + more));
            }
        }
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
            int hTrack = b[p];
            if (hTrack >= SHORT) {
                return readSlowly(b, off);
            }
            int trackAt = p + 1;
            p += 1 + hTrack;
            long playedAt = longAt(b, p);
            int msPlayed = intAt(b, p + 8);
            p += 12;
            int hCountry = b[p];
            if (hCountry >= SHORT) {
                return readSlowly(b, off);
            }
            String country = CompactText.code(b, p + 1, hCountry);
            p += 1 + hCountry;
            int hProduct = b[p];
            if (hProduct >= SHORT) {
                return readSlowly(b, off);
            }
            String product = CompactText.code(b, p + 1, hProduct);
            p += 1 + hProduct;
            int copies = intAt(b, p);
            p += 4;
            int hOrigin = b[p];
            String origin;
            if (hOrigin == NULL) {
                origin = null;
            } else if (hOrigin < SHORT) {
                origin = CompactText.code(b, p + 1, hOrigin);
            } else {
                return readSlowly(b, off);
            }
            p += 1 + (hOrigin < SHORT ? hOrigin : 0);
            int trackIndex = intAt(b, p);
            String trackId = trackIndex >= 0 ? trackIdAt.apply(trackIndex)
                    : new String(b, trackAt, hTrack, StandardCharsets.ISO_8859_1);
            Play play = new Play(playId, userId, trackId, playedAt, msPlayed, country, product, origin);
            play.copies = copies;
            play.trackIndex = trackIndex;
            return play;
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
            fallback.setBuffer(b, off, b.length - off);
            return MonthlyPlaySerializer.INSTANCE.deserialize(fallback);
        }

        private static long longAt(byte[] b, int p) {
            return ((long) intAt(b, p) << 32) | (intAt(b, p + 4) & 0xFFFFFFFFL);
        }

        private static int intAt(byte[] b, int p) {
            return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        }
    }
}
