package dev.royalties.jobs.live;

import dev.royalties.rules.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Everything the accruals keep of one user (the state key): the kept plays, column by column, and
 * the verdicts on that user. One state value per user instead of an entry per play: a play costs
 * one state read and one write, arrays instead of an object graph per play (less for the garbage
 * collector and the checkpoints to walk), and the user's verdicts come with the plays.
 *
 * <p>On a backend that serializes on every access (RocksDB) each play rewrites the user's value:
 * cheap for listeners, linear in the kept plays for a user with very many (see docs/live.md).
 */
public final class UserPlays {
    /** Above this many plays, play_ids are found through a hash index instead of a scan. */
    static final int SCAN_LIMIT = 16;

    int size;
    String[] playIds;
    String[] trackIds;
    long[] playedAt;
    int[] msPlayed;
    String[] countries;
    String[] products;
    /** The play passed steps 2-4 of spec §4 (not short, matched, not full AI): only verdicts can stop it. */
    boolean[] payable;
    List<Verdict> verdicts = new ArrayList<>();

    /** The day whose removal timer was registered last (not state: re-registering is harmless). */
    transient int timerDay = Integer.MIN_VALUE;
    private transient HashMap<String, Integer> index;

    public UserPlays() {
        this(4);
    }

    UserPlays(int capacity) {
        playIds = new String[capacity];
        trackIds = new String[capacity];
        playedAt = new long[capacity];
        msPlayed = new int[capacity];
        countries = new String[capacity];
        products = new String[capacity];
        payable = new boolean[capacity];
    }

    /** The position of a kept play_id, or -1. */
    int find(String playId) {
        if (size <= SCAN_LIMIT) {
            for (int i = 0; i < size; i++) {
                if (playIds[i].equals(playId)) {
                    return i;
                }
            }
            return -1;
        }
        if (index == null) {
            index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.put(playIds[i], i);
            }
        }
        Integer i = index.get(playId);
        return i == null ? -1 : i;
    }

    int add(String playId) {
        if (size == playIds.length) {
            grow(Math.max(4, size * 2));
        }
        int i = size++;
        playIds[i] = playId;
        if (index != null) {
            index.put(playId, i);
        }
        return i;
    }

    void set(int i, String trackId, long at, int ms, String country, String product, boolean isPayable) {
        trackIds[i] = trackId;
        playedAt[i] = at;
        msPlayed[i] = ms;
        countries[i] = country;
        products[i] = product;
        payable[i] = isPayable;
    }

    /** Drops the plays for which gone says so, keeping the order of the rest. */
    void removeIf(IntPredicate gone) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (gone.test(i)) {
                continue;
            }
            if (kept != i) {
                playIds[kept] = playIds[i];
                set(kept, trackIds[i], playedAt[i], msPlayed[i], countries[i], products[i], payable[i]);
            }
            kept++;
        }
        if (kept != size) {
            for (int i = kept; i < size; i++) {
                playIds[i] = null;
                trackIds[i] = null;
                countries[i] = null;
                products[i] = null;
            }
            size = kept;
            index = null;
        }
    }

    boolean isEmpty() {
        return size == 0 && verdicts.isEmpty();
    }

    private void grow(int capacity) {
        playIds = Arrays.copyOf(playIds, capacity);
        trackIds = Arrays.copyOf(trackIds, capacity);
        playedAt = Arrays.copyOf(playedAt, capacity);
        msPlayed = Arrays.copyOf(msPlayed, capacity);
        countries = Arrays.copyOf(countries, capacity);
        products = Arrays.copyOf(products, capacity);
        payable = Arrays.copyOf(payable, capacity);
    }

    /** A copy that shares nothing mutable (Flink copies a value before a checkpoint may still read it). */
    UserPlays copy() {
        UserPlays c = new UserPlays(0);
        c.size = size;
        c.playIds = Arrays.copyOf(playIds, size);
        c.trackIds = Arrays.copyOf(trackIds, size);
        c.playedAt = Arrays.copyOf(playedAt, size);
        c.msPlayed = Arrays.copyOf(msPlayed, size);
        c.countries = Arrays.copyOf(countries, size);
        c.products = Arrays.copyOf(products, size);
        c.payable = Arrays.copyOf(payable, size);
        c.verdicts = new ArrayList<>(verdicts); // records: immutable
        c.timerDay = timerDay;
        return c;
    }
}
