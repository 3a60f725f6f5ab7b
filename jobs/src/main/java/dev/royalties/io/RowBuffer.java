package dev.royalties.io;

/**
 * One row being read, reused for every row of a file: strings and primitive longs in parallel
 * arrays, so that reading allocates nothing but the strings that are new.
 */
public final class RowBuffer {
    final String[] text;
    final long[] number;
    final boolean[] present;
    /** Codes of string columns read with a {@link TextCoder}; only those columns have one. */
    final int[] code;
    final boolean[] coded;

    RowBuffer(int columns) {
        text = new String[columns];
        number = new long[columns];
        present = new boolean[columns];
        code = new int[columns];
        coded = new boolean[columns];
    }

    void clear() {
        java.util.Arrays.fill(present, false);
        java.util.Arrays.fill(coded, false);
    }

    /** The code a {@link TextCoder} gave the column's value, or {@code ifNone} (no coder, or a null value). */
    public int code(int col, int ifNone) {
        return coded[col] ? code[col] : ifNone;
    }

    public boolean isNull(int col) {
        return !present[col];
    }

    public String string(int col) {
        return present[col] ? text[col] : null;
    }

    /** The value as a primitive long, or {@code ifNull} when the column is null. */
    public long number(int col, long ifNull) {
        return present[col] ? number[col] : ifNull;
    }

    public Long boxed(int col) {
        return present[col] ? number[col] : null;
    }

    public Boolean bool(int col) {
        return present[col] ? number[col] != 0 : null;
    }
}
