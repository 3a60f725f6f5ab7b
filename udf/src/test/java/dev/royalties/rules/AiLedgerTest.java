package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.consent;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.t;
import static dev.royalties.rules.Fixtures.track;
import static dev.royalties.rules.Fixtures.usage;
import static dev.royalties.rules.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §5: fraud → unmatched → ai_generated → per credited artist: licence, consent, weight. */
class AiLedgerTest {
    private static final String USED = "2026-10-10T12:00:00Z";

    // T2: two artists A1 (0.250000) and A2 (0.750000); TF: 100 % AI; T1: A1 alone.
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(track("T1", "none"), track("T2", "assisted"), track("TF", "full")),
            List.of(right("T1", "A1", ONE), right("T2", "A1", 250_000), right("T2", "A2", 750_000),
                    right("TF", "A1", ONE)));

    private final List<AiViolation> violations = new ArrayList<>();

    @BeforeEach
    void clear() {
        violations.clear();
    }

    private static AiLedger ledger(List<Verdict> verdicts, List<Consent> consents, String... licensedPools) {
        Set<String> pools = new java.util.HashSet<>();
        for (String p : licensedPools) {
            String[] parts = p.split("/");
            pools.add(AiLedger.poolKey(parts[0], parts[1]));
        }
        return new AiLedger(CATALOGUE, new VerdictIndex(verdicts, AS_OF), new ConsentIndex(consents, AS_OF), pools);
    }

    private static List<Consent> bothConsent(String scope) {
        return List.of(consent("A1", scope, true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A2", scope, true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    }

    private static AiTally pool(AiLedger l, String licensee, String scope) {
        return l.tallies().stream().filter(a -> a.artistId == null && a.licenseeId.equals(licensee)
                && a.scope.equals(scope)).findFirst().orElseThrow();
    }

    private static List<AiTally> artists(AiLedger l) {
        return l.tallies().stream().filter(a -> a.artistId != null).toList();
    }

    @Test
    void fraudTrackExcludesTheUsageBeforeAnythingElseWithoutViolation() {
        // Fraud wins over a full-AI track and over a missing licence or consent.
        List<Verdict> fraud = List.of(verdict("V1", "track", "TF", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "track", "T2", "fraud", "2026-10-20T00:00:00Z"));
        AiLedger l = ledger(fraud, List.of(), "L1/training");
        l.record(usage("G1", "L1", "TF", "training", USED, 10), violations::add);
        l.record(usage("G2", "L1", "T2", "training", USED, 7), violations::add);
        l.record(usage("G3", "L9", "T2", "training", USED, 5), violations::add); // unlicensed
        AiTally p = pool(l, "L1", "training");
        assertThat(p.fraudUnits).isEqualTo(17);
        assertThat(p.aiGeneratedUnits).isZero();
        assertThat(p.violationUnits).isZero();
        assertThat(p.heldMicros).isZero();
        assertThat(artists(l)).isEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyTrackVerdictsExcludeUsage() {
        // A play or user verdict with the track's id as subject must not touch AI usage.
        List<Verdict> vs = List.of(verdict("V1", "play", "T1", "fraud", "2026-10-20T00:00:00Z"),
                verdict("V2", "user", "T1", "fraud", "2026-10-20T00:00:00Z"));
        AiLedger l = ledger(vs, bothConsent("training"), "L1/training");
        l.record(usage("G1", "L1", "T1", "training", USED, 10), violations::add);
        assertThat(pool(l, "L1", "training").fraudUnits).isZero();
        assertThat(pool(l, "L1", "training").eligibleUnits).isEqualTo(10);
    }

    @Test
    void aTrackVerdictOutsideUsedAtDoesNotExclude() {
        List<Verdict> vs = List.of(verdict("V1", "track", "T1", t("2026-10-11T00:00:00Z"), null, "fraud",
                "2026-10-20T00:00:00Z"));
        AiLedger l = ledger(vs, bothConsent("training"), "L1/training");
        l.record(usage("G1", "L1", "T1", "training", USED, 10), violations::add);
        l.record(usage("G2", "L1", "T1", "training", "2026-10-11T00:00:00Z", 3), violations::add);
        assertThat(pool(l, "L1", "training").eligibleUnits).isEqualTo(10);
        assertThat(pool(l, "L1", "training").fraudUnits).isEqualTo(3);
    }

    @Test
    void unmatchedIsTestedBeforeAiGeneratedAndItsUnitsGoToHeld() {
        AiLedger l = ledger(List.of(), List.of(), "L1/training");
        l.record(usage("G1", "L1", "T_UNKNOWN", "training", USED, 12), violations::add);
        AiTally p = pool(l, "L1", "training");
        assertThat(p.unmatchedUnits).isEqualTo(12);
        assertThat(p.heldMicros).isEqualTo(12 * ONE); // whole units: weight 1 per unit
        assertThat(violations).isEmpty();
    }

    @Test
    void fullAiTrackHasNoWeightAndNoViolation() {
        AiLedger l = ledger(List.of(), List.of(), "L1/training");
        l.record(usage("G1", "L1", "TF", "training", USED, 9), violations::add);
        AiTally p = pool(l, "L1", "training");
        assertThat(p.aiGeneratedUnits).isEqualTo(9);
        assertThat(p.heldMicros).isZero();
        assertThat(artists(l)).isEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void noLicenceGivesANoLicenceViolationPerCreditedArtistAndNoPool() {
        // Consent does not matter without a licence.
        AiLedger l = ledger(List.of(), bothConsent("training"), "L1/generation");
        l.record(usage("G1", "L1", "T2", "training", USED, 40), violations::add);
        assertThat(violations).extracting(AiViolation::usageId, AiViolation::artistId, AiViolation::units,
                        AiViolation::reason, AiViolation::scope, AiViolation::licenseeId, AiViolation::modelId,
                        AiViolation::trackId, AiViolation::usedAt)
                .containsExactly(
                        tuple("G1", "A1", 40L, "no_licence", "training", "L1", "M1", "T2", t(USED)),
                        tuple("G1", "A2", 40L, "no_licence", "training", "L1", "M1", "T2", t(USED)));
        assertThat(l.tallies()).isEmpty();
        assertThat(l.unlicensedRows()).isEqualTo(1);
    }

    @Test
    void unlicensedUsageExcludedInStepsOneToThreeIsNoViolation() {
        AiLedger l = ledger(List.of(verdict("V1", "track", "T1", "fraud", "2026-10-20T00:00:00Z")), List.of());
        l.record(usage("G1", "L1", "T1", "training", USED, 1), violations::add);
        l.record(usage("G2", "L1", "T_UNKNOWN", "training", USED, 1), violations::add);
        l.record(usage("G3", "L1", "TF", "training", USED, 1), violations::add);
        assertThat(violations).isEmpty();
        assertThat(l.tallies()).isEmpty();
        assertThat(l.unlicensedRows()).isEqualTo(3);
    }

    @Test
    void noConsentIsAViolationAndUnitsTimesShareGoIntoHeld() {
        // A1 consented, A2 did not: A2's three quarters are held, not handed to A1.
        List<Consent> onlyA1 = List.of(consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        AiLedger l = ledger(List.of(), onlyA1, "L1/training");
        l.record(usage("G1", "L1", "T2", "training", USED, 40), violations::add);
        assertThat(violations).extracting(AiViolation::artistId, AiViolation::reason, AiViolation::units)
                .containsExactly(tuple("A2", "no_consent", 40L));
        AiTally p = pool(l, "L1", "training");
        assertThat(p.heldMicros).isEqualTo(40 * 750_000L);
        assertThat(p.violationUnits).isEqualTo(40);
        assertThat(p.eligibleUnits).isEqualTo(40);
        assertThat(artists(l)).extracting(a -> a.artistId, a -> a.weightMicros, a -> a.units)
                .containsExactly(tuple("A1", 40 * 250_000L, 40L));
    }

    @Test
    void consentIsPerScopeAndAtUsedAt() {
        List<Consent> cs = List.of(
                consent("A1", "generation", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A1", "training", true, "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z"));
        AiLedger l = ledger(List.of(), cs, "L1/training");
        l.record(usage("G1", "L1", "T1", "training", USED, 4), violations::add); // before the grant
        l.record(usage("G2", "L1", "T1", "training", "2026-10-15T00:00:00Z", 6), violations::add);
        assertThat(violations).extracting(AiViolation::usageId, AiViolation::reason)
                .containsExactly(tuple("G1", "no_consent"));
        assertThat(pool(l, "L1", "training").eligibleUnits).isEqualTo(6);
        assertThat(pool(l, "L1", "training").violationUnits).isEqualTo(4);
    }

    @Test
    void consentedArtistsGetUnitsTimesShareAsWeight() {
        AiLedger l = ledger(List.of(), bothConsent("generation"), "L1/generation");
        l.record(usage("G1", "L1", "T2", "generation", USED, 40), violations::add);
        l.record(usage("G2", "L1", "T1", "generation", USED, 3), violations::add);
        assertThat(violations).isEmpty();
        assertThat(artists(l)).extracting(a -> a.artistId, a -> a.weightMicros, a -> a.units)
                .containsExactlyInAnyOrder(
                        tuple("A1", 40 * 250_000L + 3 * ONE, 43L),
                        tuple("A2", 40 * 750_000L, 40L));
        assertThat(pool(l, "L1", "generation").heldMicros).isZero();
    }

    @Test
    void eligibleAndViolationUnitsAreCountedPerUsageArtistPair() {
        // One usage of 40 units on a two-artist track counts 40 per artist, never 40 × share.
        AiLedger both = ledger(List.of(), bothConsent("training"), "L1/training");
        both.record(usage("G1", "L1", "T2", "training", USED, 40), violations::add);
        assertThat(pool(both, "L1", "training").eligibleUnits).isEqualTo(80);
        assertThat(pool(both, "L1", "training").violationUnits).isZero();

        AiLedger none = ledger(List.of(), List.of(), "L1/training");
        none.record(usage("G1", "L1", "T2", "training", USED, 40), violations::add);
        assertThat(pool(none, "L1", "training").violationUnits).isEqualTo(80);
        assertThat(pool(none, "L1", "training").eligibleUnits).isZero();
        assertThat(pool(none, "L1", "training").heldMicros).isEqualTo(40 * ONE);
    }

    @Test
    void poolsAreKeptPerLicenseeAndScope() {
        AiLedger l = ledger(List.of(), bothConsent("training"), "L1/training", "L2/training");
        l.record(usage("G1", "L1", "T1", "training", USED, 5), violations::add);
        l.record(usage("G2", "L2", "T1", "training", USED, 7), violations::add);
        assertThat(pool(l, "L1", "training").eligibleUnits).isEqualTo(5);
        assertThat(pool(l, "L2", "training").eligibleUnits).isEqualTo(7);
        assertThat(artists(l)).extracting(a -> a.licenseeId, a -> a.units)
                .containsExactlyInAnyOrder(tuple("L1", 5L), tuple("L2", 7L));
    }
}
