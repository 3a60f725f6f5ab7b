package dev.royalties.jobs.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The users. Humans [0, humans) have a heavy-tailed (Pareto) appetite, so a few of them play
 * all day; bots [humans, humans+bots) belong to stream farms and only play farm tracks.
 */
final class Listeners {
    private static final double PARETO_ALPHA = 1.4;
    /** About 35 times the average: some 1 500 plays a month at the default scale, past a 1 000 cap. */
    private static final double MAX_APPETITE = 120;
    /** Farms rent premium accounts in a few markets, one of them without a pool. */
    private static final String[] BOT_MARKETS = {"US", "BR", "MX", "DE"};

    final int humans;
    final int bots;
    final String[] userIds;
    final byte[] market;
    final byte[] product;
    /** The humans with the biggest appetite, biggest first. */
    final int[] heaviest;
    private final WeightedSampler appetite;

    private Listeners(Scale scale, int heavyCount, SplittableRandom rng) {
        humans = scale.humans();
        bots = scale.bots();
        int users = humans + bots;
        userIds = new String[users];
        market = new byte[users];
        product = new byte[users];
        WeightedSampler markets = WeightedSampler.of(Markets.listenerWeights());
        WeightedSampler products = WeightedSampler.of(Markets.PRODUCT_WEIGHTS);
        double[] weights = new double[humans];
        for (int u = 0; u < humans; u++) {
            userIds[u] = Ids.user(u);
            market[u] = (byte) markets.sample(rng);
            product[u] = (byte) products.sample(rng);
            weights[u] = Math.min(MAX_APPETITE, StrictMath.pow(1.0 - rng.nextDouble(), -1.0 / PARETO_ALPHA));
        }
        for (int b = 0; b < bots; b++) {
            int u = humans + b;
            userIds[u] = Ids.user(u);
            market[u] = (byte) Markets.index(BOT_MARKETS[b % BOT_MARKETS.length]);
            product[u] = (byte) (rng.nextInt(5) == 0 ? Markets.FREE : 0);
        }
        appetite = new WeightedSampler(weights);
        heaviest = heaviest(weights, Math.min(heavyCount, humans));
    }

    static Listeners build(Scale scale, int heavyCount, SplittableRandom rng) {
        return new Listeners(scale, heavyCount, rng);
    }

    int human(SplittableRandom rng) {
        return appetite.sample(rng);
    }

    int bot(SplittableRandom rng) {
        return humans + rng.nextInt(bots);
    }

    private static int[] heaviest(double[] weights, int k) {
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length - k];
        int[] picked = new int[k];
        int n = 0;
        // Highest weights first; ties in index order, which keeps the choice deterministic.
        for (int round = sorted.length - 1; round >= sorted.length - k && n < k; round--) {
            double w = sorted[round];
            if (round < sorted.length - 1 && sorted[round + 1] == w) {
                continue;
            }
            for (int u = 0; u < weights.length && n < k; u++) {
                if (weights[u] == w && w >= threshold) {
                    picked[n++] = u;
                }
            }
        }
        return picked;
    }
}
