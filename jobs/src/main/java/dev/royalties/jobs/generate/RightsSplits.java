package dev.royalties.jobs.generate;

import java.util.SplittableRandom;

/**
 * How a track's rights are split between its artists, in millionths. Every split sums to exactly
 * 1 000 000; thirds are the case that catches floating-point shares (0.333334 + 0.333333 + 0.333333).
 */
final class RightsSplits {
    private static final int[][] TWO = {{500_000, 500_000}, {600_000, 400_000}, {700_000, 300_000},
        {750_000, 250_000}};
    private static final int[] THIRDS = {333_334, 333_333, 333_333};
    private static final int[][] THREE_OTHER = {{500_000, 250_000, 250_000}, {400_000, 300_000, 300_000}};
    private static final int[][] FOUR = {{250_000, 250_000, 250_000, 250_000}, {400_000, 200_000, 200_000, 200_000}};

    private RightsSplits() {}

    static int[] draw(SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.72) {
            return new int[] {1_000_000};
        }
        if (r < 0.84) {
            return TWO[rng.nextInt(TWO.length)].clone();
        }
        if (r < 0.96) {
            return rng.nextInt(10) < 6 ? THIRDS.clone() : THREE_OTHER[rng.nextInt(THREE_OTHER.length)].clone();
        }
        return FOUR[rng.nextInt(FOUR.length)].clone();
    }

    static int[] thirds() {
        return THIRDS.clone();
    }
}
