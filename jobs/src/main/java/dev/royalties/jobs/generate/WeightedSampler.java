package dev.royalties.jobs.generate;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight, in constant time (Walker's alias
 * method, Vose's construction): a binary search over 400 000 users' running sums missed the
 * cache at every step, twice per generated play.
 */
final class WeightedSampler {
    private final double[] keep;
    private final int[] alias;

    WeightedSampler(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("nothing to sample from");
        }
        double sum = 0;
        int heaviest = 0;
        for (int i = 0; i < n; i++) {
            sum += weights[i];
            heaviest = weights[i] > weights[heaviest] ? i : heaviest;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to " + sum);
        }
        keep = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smalls = 0;
        int larges = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[smalls++] = i;
            } else {
                large[larges++] = i;
            }
        }
        while (smalls > 0 && larges > 0) {
            int s = small[--smalls];
            int l = large[--larges];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[smalls++] = l;
            } else {
                large[larges++] = l;
            }
        }
        // What is left is 1 up to rounding; a zero weight must still never be drawn.
        while (larges > 0) {
            int l = large[--larges];
            keep[l] = 1.0;
            alias[l] = l;
        }
        while (smalls > 0) {
            int s = small[--smalls];
            keep[s] = weights[s] > 0 ? 1.0 : 0.0;
            alias[s] = heaviest;
        }
    }

    static WeightedSampler of(int... weights) {
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i];
        }
        return new WeightedSampler(w);
    }

    int sample(SplittableRandom rng) {
        int i = rng.nextInt(keep.length);
        return rng.nextDouble() < keep[i] ? i : alias[i];
    }
}
