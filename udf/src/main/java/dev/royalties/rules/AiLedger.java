package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Spec §5 for de-duplicated usage rows of the period: classifies each row, reports every violation
 * and accumulates the AI pools' weights and unit counts.
 */
public final class AiLedger implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long ONE = 1_000_000L;

    private final Catalogue catalogue;
    private final VerdictIndex verdicts;
    private final ConsentIndex consent;
    private final Set<String> licensedPools;
    private final Map<String, AiTally> pools = new HashMap<>();
    private final Map<String, AiTally> artists = new HashMap<>();
    private long unlicensedRows;

    public AiLedger(Catalogue catalogue, VerdictIndex verdicts, ConsentIndex consent, Set<String> licensedPools) {
        this.catalogue = catalogue;
        this.verdicts = verdicts;
        this.consent = consent;
        this.licensedPools = licensedPools;
    }

    /** A fresh ledger over the same reference data (each parallel worker keeps its own). */
    public AiLedger emptyCopy() {
        return new AiLedger(catalogue, verdicts, consent, licensedPools);
    }

    public static String poolKey(String licenseeId, String scope) {
        return licenseeId + '\u0000' + scope;
    }

    public void record(Usage u, Consumer<AiViolation> violations) {
        String key = poolKey(u.licenseeId, u.scope);
        boolean licensed = licensedPools.contains(key);
        AiTally pool = licensed ? pools.computeIfAbsent(key, k -> new AiTally(u.licenseeId, u.scope, null)) : null;
        if (!licensed) {
            unlicensedRows++;
        }
        if (verdicts.trackIsFraud(u.trackId, u.usedAt)) {
            if (licensed) {
                pool.fraudUnits += u.units;
            }
            return;
        }
        Catalogue.Credits credits = catalogue.credits(u.trackId);
        if (credits == null) {
            if (licensed) {
                pool.unmatchedUnits += u.units;
                pool.heldMicros = Math.addExact(pool.heldMicros, Math.multiplyExact(u.units, ONE));
            }
            return;
        }
        if (credits.fullAi()) {
            if (licensed) {
                pool.aiGeneratedUnits += u.units;
            }
            return;
        }
        String[] ids = credits.artists();
        for (int i = 0; i < ids.length; i++) {
            long weight = Math.multiplyExact(u.units, credits.shareMicros()[i]);
            if (!licensed) {
                violations.accept(violation(u, ids[i], "no_licence"));
            } else if (!consent.granted(ids[i], u.scope, u.usedAt)) {
                violations.accept(violation(u, ids[i], "no_consent"));
                pool.violationUnits += u.units;
                pool.heldMicros = Math.addExact(pool.heldMicros, weight);
            } else {
                pool.eligibleUnits += u.units;
                String artist = ids[i];
                AiTally a = artists.computeIfAbsent(key + '\u0000' + artist,
                        k -> new AiTally(u.licenseeId, u.scope, artist));
                a.weightMicros = Math.addExact(a.weightMicros, weight);
                a.units += u.units;
            }
        }
    }

    private static AiViolation violation(Usage u, String artistId, String reason) {
        return new AiViolation(u.usageId, u.licenseeId, u.modelId, u.trackId, artistId, u.scope, u.usedAt, u.units,
                reason);
    }

    /** Pool rows first, then artist rows: what a worker sends on to the allocation. */
    public List<AiTally> tallies() {
        List<AiTally> out = new ArrayList<>(pools.values());
        out.addAll(artists.values());
        return out;
    }

    public long unlicensedRows() {
        return unlicensedRows;
    }
}
