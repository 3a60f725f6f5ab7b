package dev.royalties.rules;

/** One pool_reconciliation row (spec §9): pool_amount = allocated + held, always. */
public record PoolReconciliation(String source, String country, String product, String licenseeId, String currency,
                                 long poolCents, long allocatedCents, long heldCents, long eligibleUnits,
                                 long unmatchedUnits, long fraudUnits, long aiGeneratedUnits, long shortUnits,
                                 long cappedUnits, long violationUnits,
                                 long belowThresholdUnits) {}
