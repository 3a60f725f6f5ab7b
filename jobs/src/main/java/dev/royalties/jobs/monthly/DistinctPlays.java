package dev.royalties.jobs.monthly;

import dev.royalties.rules.Duplicates;
import dev.royalties.rules.Play;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One user's plays, one per play_id (copies merged by {@link Duplicates#merge}), in the order they
 * first arrived. A hash table of positions, kept from user to user and stamped instead of cleared:
 * a map per user cost the per-user stage a table and a node per play for the rare copy (issue 10).
 * One instance per worker; the list it returns is its own, valid until the next user.
 */
final class DistinctPlays {
    private int[] positions = new int[1 << 8];
    /** Which user a slot was last filled for; other slots count as empty. */
    private int[] stamps = new int[1 << 8];
    private int stamp;
    private final List<Play> plays = new ArrayList<>();

    List<Play> of(List<Play> copies) {
        plays.clear();
        int n = copies.size();
        if (n < 2) {
            plays.addAll(copies);
            return plays;
        }
        int bits = 33 - Integer.numberOfLeadingZeros(n); // at least twice n slots
        if (positions.length < 1 << bits) {
            positions = new int[1 << bits];
            stamps = new int[1 << bits];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        int mask = (1 << bits) - 1;
        for (Play p : copies) {
            int slot = (p.playId.hashCode() * 0x9E3779B9) >>> (32 - bits);
            while (true) {
                if (stamps[slot] != stamp) {
                    stamps[slot] = stamp;
                    positions[slot] = plays.size();
                    plays.add(p);
                    break;
                }
                Play seen = plays.get(positions[slot]);
                if (seen.playId.equals(p.playId)) {
                    plays.set(positions[slot], Duplicates.merge(seen, p));
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return plays;
    }
}
