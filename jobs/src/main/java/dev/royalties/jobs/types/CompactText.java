package dev.royalties.jobs.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dev.royalties.rules.Vocabulary;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Strings on the monthly job's shuffles: a one-byte length and the Latin-1 bytes, copied in bulk,
 * for the short ids and codes that make up nearly every play; anything else in Flink's own
 * {@link StringValue} form. StringValue reads and writes a char at a time through a thread-local
 * buffer, which was a fifth of the per-user stage's time (JFR).
 */
public final class CompactText {
    /** Header bytes: a length below SHORT, or NULL, or OTHER (Flink's StringValue form follows). */
    public static final int SHORT = 100;
    static final int NULL = 101;
    private static final int OTHER = 102;

    /** Country codes and the vocabularies' words, read back as one shared instance each. */
    private static final String[] COUNTRIES = new String[26 * 26];
    private static final byte[][] WORDS;
    private static final String[] WORD_STRINGS;
    /**
     * The codes {@link #writeCode} sends as their number: the countries, then the words, sorted
     * (Set.of iterates in an order that differs from one JVM to the next, and the number must mean
     * the same on every worker).
     */
    private static final String[] CODES;
    private static final java.util.Map<String, Integer> CODE_NUMBERS = new java.util.HashMap<>();
    /** {@link #writeCode}'s two bytes for a code it has no number for (the text follows), and for null. */
    public static final int CODE_TEXT = 0xFFFE;
    public static final int CODE_NULL = 0xFFFF;

    static {
        for (int i = 0; i < COUNTRIES.length; i++) {
            COUNTRIES[i] = new String(new char[] {(char) ('A' + i / 26), (char) ('A' + i % 26)});
        }
        java.util.List<String> words = new java.util.ArrayList<>(Vocabulary.PRODUCTS);
        words.addAll(Vocabulary.ACTIVE_ORIGINS);
        words.addAll(Vocabulary.SUGGESTED_ORIGINS);
        java.util.Collections.sort(words);
        WORD_STRINGS = words.toArray(new String[0]);
        WORDS = new byte[WORD_STRINGS.length][];
        for (int i = 0; i < WORDS.length; i++) {
            WORDS[i] = WORD_STRINGS[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        CODES = new String[COUNTRIES.length + WORD_STRINGS.length];
        System.arraycopy(COUNTRIES, 0, CODES, 0, COUNTRIES.length);
        System.arraycopy(WORD_STRINGS, 0, CODES, COUNTRIES.length, WORD_STRINGS.length);
        for (int i = 0; i < CODES.length; i++) {
            CODE_NUMBERS.put(CODES[i], i);
        }
    }

    private CompactText() {}

    /**
     * A country, product or origin: the same bytes as {@link #read}, but a known code comes back as
     * one shared String, so the per-pool maps hash it once and compare it by reference.
     */
    public static String readCode(DataInputView in) throws IOException {
        int h = in.readByte();
        if (h >= SHORT) {
            return h == NULL ? null : StringValue.readString(in);
        }
        byte[] b = new byte[h];
        for (int i = 0; i < h; i++) {
            b[i] = in.readByte();
        }
        return code(b, 0, h);
    }

    /** {@link #readCode} of a short text's bytes, {@code length} of them from {@code off}. */
    public static String code(byte[] b, int off, int length) {
        if (length == 2 && b[off] >= 'A' && b[off] <= 'Z' && b[off + 1] >= 'A' && b[off + 1] <= 'Z') {
            return COUNTRIES[(b[off] - 'A') * 26 + (b[off + 1] - 'A')];
        }
        for (int i = 0; i < WORDS.length; i++) {
            if (java.util.Arrays.equals(WORDS[i], 0, WORDS[i].length, b, off, off + length)) {
                return WORD_STRINGS[i];
            }
        }
        return new String(b, off, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * A country, product or origin in two bytes: its number when it is a known code, else
     * {@link #CODE_TEXT} and the text ({@link #write}), or {@link #CODE_NULL}.
     */
    public static void writeCode(String s, DataOutputView out) throws IOException {
        Integer n = s == null ? null : CODE_NUMBERS.get(s);
        if (n != null) {
            out.writeShort(n);
        } else if (s == null) {
            out.writeShort(CODE_NULL);
        } else {
            out.writeShort(CODE_TEXT);
            write(s, out);
        }
    }

    /**
     * A number that is never negative, seven bits a byte, low bits first: a play's length on the
     * per-user shuffle ({@link PlayBytes}), a tally's counts on the way to the allocation, most of
     * them below 128.
     */
    public static void writeVarLong(long n, DataOutputView out) throws IOException {
        while ((n & ~0x7FL) != 0) {
            out.writeByte((int) (n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.writeByte((int) n);
    }

    /** {@link #writeVarLong}'s bytes into an array at {@code at}; returns where they end. */
    public static int putVarLong(long n, byte[] b, int at) {
        while ((n & ~0x7FL) != 0) {
            b[at++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        b[at++] = (byte) n;
        return at;
    }

    /** How many bytes {@link #writeVarLong} writes for {@code n}. */
    public static int varLongSize(long n) {
        return n == 0 ? 1 : (70 - Long.numberOfLeadingZeros(n)) / 7;
    }

    /** What {@link #writeVarLong} wrote. */
    public static long readVarLong(DataInputView in) throws IOException {
        long n = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return n;
            }
        }
    }

    /** The shared instance of the code numbered {@code n} (below {@link #CODE_TEXT}). */
    public static String codeNumbered(int n) {
        return CODES[n];
    }

    /** How many codes have numbers: the countries (numbered first), then the {@link #wordCount} words. */
    public static int codeCount() {
        return CODES.length;
    }

    /** How many of the numbered codes are words (products, origins); they come after the countries. */
    public static int wordCount() {
        return WORD_STRINGS.length;
    }

    /** A known code's number, or -1. */
    public static int numberOf(String code) {
        return CODE_NUMBERS.getOrDefault(code, -1);
    }

    /** What {@link #writeCode} wrote. */
    public static String readNumberedCode(DataInputView in) throws IOException {
        int n = in.readUnsignedShort();
        return n == CODE_NULL ? null : n == CODE_TEXT ? readCode(in) : CODES[n];
    }

    public static void write(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(NULL);
            return;
        }
        if (s.length() < SHORT) {
            // For a Latin-1 string the encoding is a plain copy of its bytes; a character beyond
            // Latin-1 comes out as '?', so only a '?' calls for a look at the characters (it was
            // 14 % of the reading stage to check every character first, every play, three ids).
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            if (noQuestionMark(b) || latin1(s)) {
                out.writeByte(b.length);
                out.write(b);
                return;
            }
        }
        out.writeByte(OTHER);
        StringValue.writeString(s, out);
    }

    private static boolean noQuestionMark(byte[] b) {
        for (byte x : b) {
            if (x == '?') {
                return false;
            }
        }
        return true;
    }

    public static String read(DataInputView in) throws IOException {
        int h = in.readByte();
        if (h < SHORT) {
            // Byte by byte: for a dozen bytes the bulk read's bounds checks cost more than the loop.
            byte[] b = new byte[h];
            for (int i = 0; i < h; i++) {
                b[i] = in.readByte();
            }
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return h == NULL ? null : StringValue.readString(in);
    }

    public static void copy(DataInputView in, DataOutputView out) throws IOException {
        int h = in.readByte();
        out.writeByte(h);
        if (h < SHORT) {
            // Not out.write(in, h): a DataOutputSerializer target refuses it instead of growing.
            for (int i = 0; i < h; i++) {
                out.writeByte(in.readByte());
            }
        } else if (h == OTHER) {
            StringValue.copyString(in, out);
        }
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
