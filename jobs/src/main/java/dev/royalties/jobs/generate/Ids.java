package dev.royalties.jobs.generate;

/** Fixed-width identifiers (P00000000042, U00000017, T000123): they sort the way they were numbered. */
final class Ids {
    private Ids() {}

    static String play(long index) {
        return fixed("P", index, 11);
    }

    static String user(int index) {
        return fixed("U", index, 8);
    }

    static String track(int index) {
        return fixed("T", index, 6);
    }

    static String artist(int index) {
        return fixed("A", index, 6);
    }

    static String usage(long index) {
        return fixed("G", index, 9);
    }

    /** Built in a char[] rather than String.format: play ids are made 20 million times a run. */
    static String fixed(String prefix, long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative id " + value);
        }
        int p = prefix.length();
        char[] c = new char[p + width];
        prefix.getChars(0, p, c, 0);
        long v = value;
        for (int i = c.length - 1; i >= p; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        if (v != 0) {
            throw new IllegalArgumentException(prefix + value + " does not fit in " + width + " digits");
        }
        return new String(c);
    }
}
