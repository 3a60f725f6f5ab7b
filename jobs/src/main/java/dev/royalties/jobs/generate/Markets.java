package dev.royalties.jobs.generate;

import java.util.List;

/**
 * Where listeners live and what they subscribe to. MX has listeners but no revenue pool (its
 * plays are paid from nothing), IS has pools but no listeners (a pool with no plays).
 */
final class Markets {
    record Market(String country, String alpha3, String currency, int listenerWeight, boolean pooled) {}

    static final List<Market> ALL = List.of(
            new Market("US", "USA", "USD", 30, true),
            new Market("DE", "DEU", "EUR", 16, true),
            new Market("GB", "GBR", "EUR", 14, true),
            new Market("FR", "FRA", "EUR", 12, true),
            new Market("BR", "BRA", "USD", 10, true),
            new Market("SE", "SWE", "EUR", 6, true),
            new Market("NL", "NLD", "EUR", 5, true),
            new Market("NO", "NOR", "EUR", 3, true),
            new Market("MX", "MEX", "USD", 4, false),
            new Market("IS", "ISL", "EUR", 0, true));

    static final List<String> PRODUCTS = List.of("premium", "family", "student", "free");
    static final int[] PRODUCT_WEIGHTS = {45, 20, 10, 25};
    /** What one listener of each product puts into the month's pool, in cents (fee share or ads). */
    static final long[] MONTHLY_CENTS_PER_LISTENER = {640, 270, 330, 45};
    static final int FREE = 3;

    private Markets() {}

    static int index(String country) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).country().equals(country)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no market " + country);
    }

    static int[] listenerWeights() {
        return ALL.stream().mapToInt(Market::listenerWeight).toArray();
    }
}
