package dev.royalties.jobs.generate;

import dev.royalties.rules.Licence;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The AI companies that use the catalogue, and what they have licensed. L1 is licensed for both
 * scopes, L2 for training only (its generation licence is last month's), L3 for nothing, L4 pays
 * for training it never reports, L5 licenses generation.
 */
final class AiLicensees {
    record Licensee(String id, String currency, int usageWeight, int trainingPercent, int models) {}

    static final List<Licensee> ALL = List.of(
            new Licensee("L1", "EUR", 55, 60, 4),
            new Licensee("L2", "USD", 25, 70, 3),
            new Licensee("L3", "EUR", 12, 50, 2),
            new Licensee("L4", "EUR", 0, 100, 1),
            new Licensee("L5", "EUR", 8, 0, 2));

    private AiLicensees() {}

    static List<Licence> licences(Timeline t, SplittableRandom rng) {
        String now = t.period().toString();
        String before = t.previousPeriod();
        List<Licence> rows = new ArrayList<>();
        rows.add(licence("L1", "training", before, 24_000_000, "EUR", rng));
        rows.add(licence("L1", "training", now, 25_000_000, "EUR", rng));
        rows.add(licence("L1", "generation", now, 4_000_000, "EUR", rng));
        rows.add(licence("L2", "training", now, 12_000_000, "USD", rng));
        rows.add(licence("L2", "generation", before, 900_000, "USD", rng));
        rows.add(licence("L4", "training", now, 500_000, "EUR", rng));
        rows.add(licence("L5", "generation", now, 1_500_000, "EUR", rng));
        return rows;
    }

    /** Negotiated amounts are round-ish: whole euros or dollars, never fractions of a cent. */
    private static Licence licence(String licensee, String scope, String period, long baseCents, String currency,
                                   SplittableRandom rng) {
        long cents = baseCents + rng.nextLong(baseCents / 5 / 100) * 100;
        return new Licence(licensee, scope, period, cents, currency);
    }

    static int[] usageWeights() {
        return ALL.stream().mapToInt(Licensee::usageWeight).toArray();
    }
}
