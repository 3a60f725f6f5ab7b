package dev.royalties.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The catalogue's ASCII track ids by their bytes, for a reader that holds an id as bytes (a Parquet
 * dictionary entry): one open-addressing table of indexes and the ids' bytes end to end. Looking
 * each entry of every file's track_id dictionary up by String cost the plays reader a seventh of
 * its time: decoding the string, then five cache misses in a HashMap of 100 000 tracks (the slot,
 * the node, the key, its bytes, the credits). Here: the slot, the id's span, its bytes.
 */
final class TrackIdBytes {
    private final byte[] arena;
    /** Where each track's id starts in {@link #arena}; one more at the end. */
    private final int[] starts;
    /** Track index + 1 by hash of the id's bytes; 0 is an empty slot. */
    private final int[] slots;
    private final int mask;

    TrackIdBytes(String[] trackIds) {
        int total = 0;
        for (String id : trackIds) {
            total += id.length();
        }
        arena = new byte[total];
        starts = new int[trackIds.length + 1];
        int bits = Math.max(4, 33 - Integer.numberOfLeadingZeros(Math.max(1, trackIds.length)));
        slots = new int[1 << bits];
        mask = slots.length - 1;
        int at = 0;
        for (int i = 0; i < trackIds.length; i++) {
            starts[i] = at;
            if (ascii(trackIds[i])) { // the others are found by String (Catalogue#indexOf(String))
                byte[] b = trackIds[i].getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, arena, at, b.length);
                at += b.length;
                int slot = hash(arena, starts[i], b.length) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i + 1;
            }
        }
        starts[trackIds.length] = at;
    }

    /** The index of the track whose id has these ASCII bytes, or -1. */
    int indexOf(byte[] b, int off, int len) {
        for (int slot = hash(b, off, len) & mask; ; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (i < 0) {
                return -1;
            }
            if (Arrays.equals(arena, starts[i], starts[i + 1], b, off, off + len)) {
                return i;
            }
        }
    }

    static boolean ascii(byte[] b, int off, int len) {
        int any = 0;
        for (int i = off; i < off + len; i++) {
            any |= b[i];
        }
        return any >= 0;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16) * 0x45d9f3b;
    }
}
