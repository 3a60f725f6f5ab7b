package dev.royalties.jobs.generate;

import java.util.SplittableRandom;

/** Draws an index with probability proportional to its weight (binary search over the running sums). */
final class CumulativeSampler {
    private final double[] cdf;

    CumulativeSampler(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("nothing to sample from");
        }
        cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to " + sum);
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        // Rounding must not leave a sliver above the last entry that no index covers.
        cdf[cdf.length - 1] = 1.0;
    }

    static CumulativeSampler of(int... weights) {
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i];
        }
        return new CumulativeSampler(w);
    }

    int sample(SplittableRandom rng) {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int size() {
        return cdf.length;
    }
}
