package dev.royalties.jobs.generate;

import dev.royalties.rules.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The catalogue money: one pool per pooled market and product, for the period and for the month
 * before (the table keeps history). An amount is what the market's listeners of that product put
 * in, in whole cents, give or take 3 %; a pool without listeners still has money.
 */
final class RevenuePools {
    private RevenuePools() {}

    static List<Pool> build(Timeline timeline, Listeners listeners, SplittableRandom rng) {
        return build(List.of(timeline.previousPeriod(), timeline.period().toString()), listeners, rng);
    }

    /** Pools for each of the given periods (a multi-month run writes one table for all its months). */
    static List<Pool> build(List<String> periods, Listeners listeners, SplittableRandom rng) {
        int markets = Markets.ALL.size();
        int products = Markets.PRODUCTS.size();
        long[][] listenersIn = new long[markets][products];
        for (int u = 0; u < listeners.userIds.length; u++) {
            listenersIn[listeners.market[u]][listeners.product[u]]++;
        }
        List<Pool> pools = new ArrayList<>();
        for (String period : periods) {
            for (int m = 0; m < markets; m++) {
                Markets.Market market = Markets.ALL.get(m);
                if (!market.pooled()) {
                    continue;
                }
                for (int p = 0; p < products; p++) {
                    long base = listenersIn[m][p] * Markets.MONTHLY_CENTS_PER_LISTENER[p];
                    if (base == 0) {
                        // As if one listener in a hundred were there: the same order as its neighbours.
                        base = Math.max(1, listeners.userIds.length / 100) * Markets.MONTHLY_CENTS_PER_LISTENER[p];
                    }
                    long cents = base * (9_700 + rng.nextLong(601)) / 10_000;
                    pools.add(new Pool(period, market.country(), Markets.PRODUCTS.get(p), cents,
                            market.currency()));
                }
            }
        }
        return pools;
    }
}
