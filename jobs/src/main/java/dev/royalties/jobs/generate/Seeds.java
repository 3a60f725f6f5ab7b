package dev.royalties.jobs.generate;

import java.util.SplittableRandom;

/**
 * One independent random stream per (seed, purpose, chunk). Each part of the month draws from
 * its own stream, so a chunk gives the same rows whichever thread runs it and in whatever order,
 * and changing how one table is generated does not shift the numbers of another.
 */
final class Seeds {
    enum Purpose { CATALOGUE, LISTENERS, PLAN, PLAY_FILE, POOLS, VERDICTS, CONSENT, LICENCES, USAGE }

    private Seeds() {}

    static SplittableRandom stream(long seed, Purpose purpose, long chunk) {
        long s = mix(seed + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1));
        return new SplittableRandom(mix(s ^ mix(chunk + 0x632BE59BD9B4E019L)));
    }

    static SplittableRandom stream(long seed, Purpose purpose) {
        return stream(seed, purpose, 0);
    }

    /** SplitMix64's finaliser: nearby seeds (7, 8) must give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
