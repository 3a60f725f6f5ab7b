package dev.royalties.jobs.report;

import dev.royalties.rules.LargestRemainder;
import dev.royalties.rules.PoolReconciliation;

/**
 * What each kind of unit of a pool "was worth": the pool amount split over all its units by status
 * (largest remainder, in cents), as if every play or usage counted. For the excluded kinds (fraud,
 * short, AI-generated, capped) this is the value that went to the legitimate plays instead.
 */
final class PoolValue {
    static final String[] KINDS = {"eligible", "unmatched", "violation", "fraud", "short", "ai_generated", "capped"};

    private PoolValue() {}

    /** Cents per kind, in {@link #KINDS} order; all zero for a pool without units. */
    static long[] byKind(PoolReconciliation p) {
        long[] units = {p.eligibleUnits(), p.unmatchedUnits(), p.violationUnits(), p.fraudUnits(), p.shortUnits(),
            p.aiGeneratedUnits(), p.cappedUnits()};
        long total = 0;
        for (long u : units) {
            total += u;
        }
        if (total == 0) {
            return new long[KINDS.length];
        }
        return LargestRemainder.split(p.poolCents(), units, 0).artistCents();
    }
}
