package dev.royalties.jobs.report;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.PoolReconciliation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a payment changed between two revisions, as far as the outputs tell: the artist's own
 * units on that pool before and after, and how the pool's units by status moved (for example
 * "fraud +5, eligible -5" after a late fraud verdict, or "violation -200, eligible +200" after
 * late-recorded consent). Which verdict or consent record caused it is not in the outputs, so it
 * is never claimed (docs/statements.md).
 */
final class AdjustmentReasons {
    private static final String[] STATUS = {"eligible", "unmatched", "fraud", "ai_generated", "short", "capped",
        "violation"};

    private final Map<String, ArtistPayment> previousPayments = new HashMap<>();
    private final Map<String, ArtistPayment> payments = new HashMap<>();
    private final Map<String, PoolReconciliation> previousPools = new HashMap<>();
    private final Map<String, PoolReconciliation> pools = new HashMap<>();

    AdjustmentReasons(RevisionOutputs out) {
        out.payments().forEach(p -> payments.put(p.key(), p));
        out.pools().forEach(p -> pools.put(poolKey(p.source(), p.country(), p.product(), p.licenseeId()), p));
        if (out.previous() != null) {
            out.previous().payments().forEach(p -> previousPayments.put(p.key(), p));
            out.previous().pools().forEach(p -> previousPools.put(poolKey(p.source(), p.country(), p.product(),
                    p.licenseeId()), p));
        }
    }

    String reason(Adjustment a) {
        String key = new ArtistPayment(a.artistId(), a.source(), a.country(), a.product(), a.licenseeId(), 0, 0,
                a.currency()).key();
        long before = units(previousPayments.get(key));
        long after = units(payments.get(key));
        String what = a.source().equals("catalogue") ? "streams" : "consented units";
        List<String> parts = new ArrayList<>();
        parts.add(before == after ? "your " + what + " unchanged (" + after + ")"
                : "your " + what + " " + before + " -> " + after);
        String pk = poolKey(a.source(), a.country(), a.product(), a.licenseeId());
        String pool = poolChange(previousPools.get(pk), pools.get(pk));
        if (!pool.isEmpty()) {
            parts.add("pool: " + pool);
        } else if (before == after) {
            parts.add("cause not known from the outputs");
        }
        return String.join("; ", parts);
    }

    private static long units(ArtistPayment p) {
        return p == null ? 0 : p.units();
    }

    private static String poolChange(PoolReconciliation before, PoolReconciliation after) {
        if (before == null || after == null) {
            return before == after ? "" : after == null ? "pool no longer in the revision" : "new pool";
        }
        long[] b = units(before);
        long[] n = units(after);
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < STATUS.length; i++) {
            long d = n[i] - b[i];
            if (d != 0) {
                moved.add(STATUS[i] + " " + (d > 0 ? "+" : "") + d);
            }
        }
        if (before.poolCents() != after.poolCents()) {
            moved.add("pool amount changed");
        }
        return String.join(", ", moved);
    }

    private static long[] units(PoolReconciliation p) {
        return new long[] {p.eligibleUnits(), p.unmatchedUnits(), p.fraudUnits(), p.aiGeneratedUnits(),
            p.shortUnits(), p.cappedUnits(), p.violationUnits()};
    }

    private static String poolKey(String source, String country, String product, String licensee) {
        return String.join("\u0000", source, Objects.toString(country), Objects.toString(product),
                Objects.toString(licensee));
    }
}
