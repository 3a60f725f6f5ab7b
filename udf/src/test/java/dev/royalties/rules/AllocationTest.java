package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.AS_OF;
import static dev.royalties.rules.Fixtures.OCT;
import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.consent;
import static dev.royalties.rules.Fixtures.licence;
import static dev.royalties.rules.Fixtures.pool;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static dev.royalties.rules.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Spec §4, §5, §8, §9: pools into payment rows and reconciliation rows. */
class AllocationTest {
    // T1: A1 alone; T2: A1 0.25, A2 0.75.
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(track("T1", "none"), track("T2", "none")),
            List.of(right("T1", "A1", ONE), right("T2", "A1", 250_000), right("T2", "A2", 750_000)));

    private static Allocation.Result catalogueOnly(List<Pool> pools, Catalogue catalogue, CatalogueLedger plays) {
        return Allocation.allocate(OCT, pools, List.of(), catalogue, plays, List.of());
    }

    private static void assertBalanced(Allocation.Result r) {
        for (PoolReconciliation p : r.pools()) {
            assertThat(p.allocatedCents() + p.heldCents()).as(p.toString()).isEqualTo(p.poolCents());
            long paid = r.payments().stream()
                    .filter(a -> a.source().equals(p.source()) && java.util.Objects.equals(a.country(), p.country())
                            && java.util.Objects.equals(a.product(), p.product())
                            && java.util.Objects.equals(a.licenseeId(), p.licenseeId()))
                    .mapToLong(ArtistPayment::amountCents).sum();
            assertThat(paid).as("allocated is the sum of payments of " + p).isEqualTo(p.allocatedCents());
            assertThat(p.heldCents()).isNotNegative();
        }
    }

    @Test
    void unmatchedPlaysWeighOneEachInTheHeldBucket() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 1);
        plays.count("DE", "premium", "T_UNKNOWN", PlayStatus.UNMATCHED, 3);
        Allocation.Result r = catalogueOnly(List.of(pool("DE", "premium", 10_000)), CATALOGUE, plays);
        assertThat(r.payments()).extracting(ArtistPayment::artistId, ArtistPayment::amountCents)
                .containsExactly(tuple("A1", 2_500L));
        PoolReconciliation p = r.pools().get(0);
        assertThat(p.heldCents()).isEqualTo(7_500);
        assertThat(p.unmatchedUnits()).isEqualTo(3);
        assertBalanced(r);
    }

    @Test
    void excludedPlaysHaveNoWeightAndTheirValueGoesToLegitimatePlays() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 2);
        plays.count("DE", "premium", "T2", PlayStatus.FRAUD, 5);
        plays.count("DE", "premium", "T2", PlayStatus.SHORT, 6);
        plays.count("DE", "premium", "T2", PlayStatus.CAPPED, 7);
        plays.count("DE", "premium", "T_AI", PlayStatus.AI_GENERATED, 8);
        Allocation.Result r = catalogueOnly(List.of(pool("DE", "premium", 10_001)), CATALOGUE, plays);
        assertThat(r.payments()).extracting(ArtistPayment::artistId, ArtistPayment::amountCents, ArtistPayment::units)
                .containsExactly(tuple("A1", 10_001L, 2L));
        assertThat(r.pools()).extracting(PoolReconciliation::eligibleUnits, PoolReconciliation::unmatchedUnits,
                        PoolReconciliation::fraudUnits, PoolReconciliation::aiGeneratedUnits,
                        PoolReconciliation::shortUnits, PoolReconciliation::cappedUnits,
                        PoolReconciliation::violationUnits, PoolReconciliation::heldCents)
                .containsExactly(tuple(2L, 0L, 5L, 8L, 6L, 7L, 0L, 0L));
        assertBalanced(r);
    }

    @Test
    void aPoolWithoutWeightIsHeldWhole() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.FRAUD, 4);
        Allocation.Result r = catalogueOnly(
                List.of(pool("DE", "premium", 50_000), pool("NO", "free", 1_234)), CATALOGUE, plays);
        assertThat(r.payments()).isEmpty();
        assertThat(r.pools()).extracting(PoolReconciliation::country, PoolReconciliation::allocatedCents,
                        PoolReconciliation::heldCents)
                .containsExactly(tuple("DE", 0L, 50_000L), tuple("NO", 0L, 1_234L));
        assertBalanced(r);
    }

    @Test
    void unitsAreEligiblePlaysOnTheArtistsTracksNotMultipliedByShares() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 1);
        plays.count("DE", "premium", "T2", PlayStatus.ELIGIBLE, 3);
        Allocation.Result r = catalogueOnly(List.of(pool("DE", "premium", 700)), CATALOGUE, plays);
        // Weights: A1 = 1 + 3 × 0.25 = 1.75, A2 = 3 × 0.75 = 2.25 (W = 4): 306.25 and 393.75 cents.
        assertThat(r.payments()).extracting(ArtistPayment::artistId, ArtistPayment::units, ArtistPayment::amountCents)
                .containsExactly(tuple("A1", 4L, 306L), tuple("A2", 3L, 394L));
        assertThat(r.pools().get(0).eligibleUnits()).isEqualTo(4);
        assertBalanced(r);
    }

    @Test
    void anArtistWhoseShareRoundsToZeroStillGetsAPaymentRow() {
        Catalogue c = new Catalogue(List.of(track("TBIG", "none"), track("TSMALL", "none")),
                List.of(right("TBIG", "A_BIG", ONE), right("TSMALL", "A_SMALL", 1), right("TSMALL", "A_BIG", 999_999)));
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "TBIG", PlayStatus.ELIGIBLE, 1_000);
        plays.count("DE", "premium", "TSMALL", PlayStatus.ELIGIBLE, 1);
        Allocation.Result r = catalogueOnly(List.of(pool("DE", "premium", 100)), c, plays);
        assertThat(r.payments()).extracting(ArtistPayment::artistId, ArtistPayment::amountCents, ArtistPayment::units)
                .containsExactly(tuple("A_BIG", 100L, 1_001L), tuple("A_SMALL", 0L, 1L));
        // And in a pool of 0.00 every artist with weight is still told.
        Allocation.Result zero = catalogueOnly(List.of(pool("DE", "premium", 0)), c, plays);
        assertThat(zero.payments()).extracting(ArtistPayment::artistId, ArtistPayment::amountCents)
                .containsExactly(tuple("A_BIG", 0L), tuple("A_SMALL", 0L));
        assertBalanced(r);
        assertBalanced(zero);
    }

    @Test
    void remainderTiesGoToTheSmallerArtistIdInCodePointOrderThenTheHeldBucket() {
        // Two artists with equal weight and one unmatched play, 2 cents: all three remainders tie.
        // By code point U+FFFF < U+1F600, although String.compareTo orders the surrogate pair first.
        String bmp = "\uFFFF";
        String astral = "\uD83D\uDE00";
        Catalogue c = new Catalogue(List.of(track("T1", "none")),
                List.of(right("T1", astral, 500_000), right("T1", bmp, 500_000)));
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 2);
        plays.count("DE", "premium", "T_UNKNOWN", PlayStatus.UNMATCHED, 1);
        Allocation.Result one = catalogueOnly(List.of(pool("DE", "premium", 1)), c, plays);
        assertThat(one.payments()).extracting(ArtistPayment::artistId, ArtistPayment::amountCents)
                .containsExactly(tuple(bmp, 1L), tuple(astral, 0L));
        assertThat(one.pools().get(0).heldCents()).isZero();
        Allocation.Result two = catalogueOnly(List.of(pool("DE", "premium", 2)), c, plays);
        assertThat(two.payments()).extracting(ArtistPayment::amountCents).containsExactly(1L, 1L);
        assertThat(two.pools().get(0).heldCents()).isZero();
        Allocation.Result four = catalogueOnly(List.of(pool("DE", "premium", 4)), c, plays);
        assertThat(four.payments()).extracting(ArtistPayment::amountCents).containsExactly(2L, 1L);
        assertThat(four.pools().get(0).heldCents()).isEqualTo(1);
    }

    @Test
    void onlyThePeriodsPoolsArePaidAndPlaysWithoutAPoolAreCounted() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 2);
        plays.count("XX", "free", "T1", PlayStatus.ELIGIBLE, 3);
        plays.count("XX", "free", "T1", PlayStatus.SHORT, 4);
        Pool september = new Pool("2026-09", "DE", "premium", 99_999L, "EUR");
        Allocation.Result r = catalogueOnly(List.of(september, pool("DE", "premium", 100)), CATALOGUE, plays);
        assertThat(r.pools()).hasSize(1);
        assertThat(r.pools().get(0).poolCents()).isEqualTo(100);
        assertThat(r.unpooledPlaysByStatus()[PlayStatus.ELIGIBLE.ordinal()]).isEqualTo(3);
        assertThat(r.unpooledPlaysByStatus()[PlayStatus.SHORT.ordinal()]).isEqualTo(4);
        assertThat(r.payments()).extracting(ArtistPayment::country, ArtistPayment::amountCents)
                .containsExactly(tuple("DE", 100L));
    }

    @Test
    void paymentRowsCarryThePoolsKeysAndCurrency() {
        CatalogueLedger plays = new CatalogueLedger();
        plays.count("US", "free", "T1", PlayStatus.ELIGIBLE, 1);
        Allocation.Result r = catalogueOnly(List.of(new Pool("2026-10", "US", "free", 500L, "USD")), CATALOGUE, plays);
        assertThat(r.payments()).containsExactly(new ArtistPayment("A1", "catalogue", "US", "free", null, 1, 500, "USD"));
        assertThat(r.pools()).containsExactly(new PoolReconciliation("catalogue", "US", "free", null, "USD", 500, 500,
                0, 1, 0, 0, 0, 0, 0, 0, 0));
    }

    // ---- AI pools ----

    private static List<AiTally> aiTallies(List<Usage> usage, List<Consent> consents, Set<String> licensed) {
        AiLedger l = new AiLedger(CATALOGUE, VerdictIndex.empty(), new ConsentIndex(consents, AS_OF), licensed);
        usage.forEach(u -> l.record(u, v -> {}));
        return l.tallies();
    }

    @Test
    void aiPoolPaysConsentedArtistsAndHoldsUnconsentedAndUnmatchedShares() {
        List<Consent> onlyA1 = List.of(consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        List<AiTally> tallies = aiTallies(List.of(
                        usage("G1", "L1", "T2", "training", "2026-10-10T00:00:00Z", 40), // A1 10 paid, A2 30 held
                        usage("G2", "L1", "T_UNKNOWN", "training", "2026-10-10T00:00:00Z", 10)), // 10 held
                onlyA1, Set.of(AiLedger.poolKey("L1", "training")));
        Allocation.Result r = Allocation.allocate(OCT, List.of(), List.of(licence("L1", "training", 5_000)), CATALOGUE,
                new CatalogueLedger(), tallies);
        assertThat(r.payments()).containsExactly(
                new ArtistPayment("A1", "ai_training", null, null, "L1", 40, 1_000, "EUR"));
        assertThat(r.pools()).containsExactly(new PoolReconciliation("ai_training", null, null, "L1", "EUR", 5_000,
                1_000, 4_000, 40, 10, 0, 0, 0, 0, 40, 0));
        assertBalanced(r);
    }

    @Test
    void aiUnitsAreUsageUnitsNotMultipliedByShares() {
        List<AiTally> tallies = aiTallies(List.of(usage("G1", "L1", "T2", "generation", "2026-10-10T00:00:00Z", 40)),
                List.of(consent("A1", "generation", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                        consent("A2", "generation", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")),
                Set.of(AiLedger.poolKey("L1", "generation")));
        Allocation.Result r = Allocation.allocate(OCT, List.of(), List.of(licence("L1", "generation", 1_000)),
                CATALOGUE, new CatalogueLedger(), tallies);
        assertThat(r.payments()).extracting(ArtistPayment::artistId, ArtistPayment::source, ArtistPayment::units,
                        ArtistPayment::amountCents)
                .containsExactly(tuple("A1", "ai_generation", 40L, 250L), tuple("A2", "ai_generation", 40L, 750L));
        assertThat(r.pools().get(0).eligibleUnits()).isEqualTo(80);
    }

    @Test
    void aLicenceWithoutUsageIsHeldWholeAndOtherPeriodsLicencesAreIgnored() {
        Allocation.Result r = Allocation.allocate(OCT, List.of(),
                List.of(licence("L4", "training", 500_000), new Licence("L4", "training", "2026-11", 1L, "EUR")),
                CATALOGUE, new CatalogueLedger(), List.of());
        assertThat(r.payments()).isEmpty();
        assertThat(r.pools()).containsExactly(new PoolReconciliation("ai_training", null, null, "L4", "EUR", 500_000,
                0, 500_000, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void partialTalliesInAnyOrderGiveTheSameRows() {
        // Workers send partial tallies; the allocation must not depend on how or in which order they arrive.
        List<Consent> cs = List.of(consent("A1", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                consent("A2", "training", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
        Set<String> licensed = Set.of(AiLedger.poolKey("L1", "training"));
        List<Usage> usage = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            String trackId = switch (i % 3) {
                case 0 -> "T1";
                case 1 -> "T2";
                default -> "T_UNKNOWN";
            };
            usage.add(usage("G" + i, "L1", trackId, "training", "2026-10-10T00:00:00Z", rnd.nextLong(1, 1_000)));
        }
        List<Licence> licences = List.of(licence("L1", "training", 987_654_321L));
        Allocation.Result whole = Allocation.allocate(OCT, List.of(), licences, CATALOGUE, new CatalogueLedger(),
                aiTallies(usage, cs, licensed));
        List<AiTally> parts = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            parts.addAll(aiTallies(usage.subList(w * 15, w * 15 + 15), cs, licensed));
        }
        Collections.shuffle(parts, new java.util.Random(3));
        Allocation.Result split = Allocation.allocate(OCT, List.of(), licences, CATALOGUE, new CatalogueLedger(), parts);
        assertThat(split.payments()).isEqualTo(whole.payments());
        assertThat(split.pools()).isEqualTo(whole.pools());
        assertBalanced(whole);
    }

    @Test
    void catalogueLedgerMergesPartialTallies() {
        CatalogueLedger a = new CatalogueLedger();
        a.count("DE", "premium", "T1", PlayStatus.ELIGIBLE, 2);
        PlayTally t = new PlayTally("DE", "premium", "T1");
        t.byStatus[PlayStatus.ELIGIBLE.ordinal()] = 3;
        t.byStatus[PlayStatus.CAPPED.ordinal()] = 1;
        a.add(t);
        assertThat(a.pool("DE", "premium").get("T1").byStatus[PlayStatus.ELIGIBLE.ordinal()]).isEqualTo(5);
        assertThat(a.pool("DE", "premium").get("T1").byStatus[PlayStatus.CAPPED.ordinal()]).isEqualTo(1);
        assertThat(a.pool("FR", "premium")).isEmpty();
        assertThat(a.all()).hasSize(1);
    }

    @Test
    void everyPoolBalancesOverManyRandomMonths() {
        // pool_amount = allocated + held for every pool, whatever the mix of statuses and amounts.
        SplittableRandom rnd = new SplittableRandom(2026_10L);
        String[] tracks = {"T1", "T2", "T_UNKNOWN"};
        for (int round = 0; round < 300; round++) {
            CatalogueLedger plays = new CatalogueLedger();
            for (int i = 0; i < 20; i++) {
                String trackId = tracks[rnd.nextInt(tracks.length)];
                PlayStatus s = trackId.equals("T_UNKNOWN") ? PlayStatus.UNMATCHED
                        : PlayStatus.values()[rnd.nextInt(PlayStatus.values().length)];
                if (s == PlayStatus.UNMATCHED && !trackId.equals("T_UNKNOWN")) {
                    s = PlayStatus.ELIGIBLE;
                }
                plays.count(rnd.nextBoolean() ? "DE" : "FR", "premium", trackId, s, rnd.nextLong(0, 50));
            }
            Allocation.Result r = catalogueOnly(List.of(pool("DE", "premium", rnd.nextLong(0, 1_000_000_000_000L)),
                    pool("FR", "premium", rnd.nextLong(0, 100))), CATALOGUE, plays);
            assertBalanced(r);
        }
    }

    @Test
    void paymentOrderIsEveryKeyFieldInTurnNullsFirstByCodePoints() {
        java.util.Comparator<String> ids = java.util.Comparator.nullsFirst(CodePoints.ORDER);
        java.util.Comparator<ArtistPayment> chain = java.util.Comparator.comparing(ArtistPayment::artistId, ids)
                .thenComparing(ArtistPayment::source, ids).thenComparing(ArtistPayment::country, ids)
                .thenComparing(ArtistPayment::product, ids).thenComparing(ArtistPayment::licenseeId, ids)
                .thenComparing(ArtistPayment::currency, ids);
        SplittableRandom random = new SplittableRandom(5);
        String[] values = {null, "A", "B", "a", "\uFFFF", "\uD83C\uDFB5", "AA"};
        List<ArtistPayment> payments = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            payments.add(new ArtistPayment(values[random.nextInt(values.length)], values[random.nextInt(3)],
                    values[random.nextInt(values.length)], values[random.nextInt(3)], values[random.nextInt(3)], i, i,
                    values[random.nextInt(values.length)]));
        }
        for (int i = 0; i < payments.size() - 1; i++) {
            ArtistPayment a = payments.get(i);
            ArtistPayment b = payments.get(i + 1);
            assertThat(Integer.signum(Allocation.PAYMENT_ORDER.compare(a, b))).isEqualTo(Integer.signum(chain.compare(a, b)));
            assertThat(Allocation.PAYMENT_ORDER.compare(a, a)).isZero();
        }
    }

    @Test
    void paymentsComeOutAsAStableSortByThePaymentOrderLeavesThem() {
        SplittableRandom random = new SplittableRandom(11);
        String[] sources = {"catalogue", "ai_training", "ai_generation"};
        String[] countries = {null, "DE", "FR", "US"};
        List<ArtistPayment> payments = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // few artists, so most have several payments; the same row twice now and then (ties)
            payments.add(new ArtistPayment("A" + random.nextInt(300), sources[random.nextInt(3)],
                    countries[random.nextInt(4)], random.nextBoolean() ? "premium" : "free",
                    random.nextBoolean() ? null : "L" + random.nextInt(3), i, i, random.nextBoolean() ? "EUR" : "USD"));
        }
        List<ArtistPayment> expected = new ArrayList<>(payments);
        expected.sort(Allocation.PAYMENT_ORDER); // stable
        ArtistPayment[] sorted = Allocation.inPaymentOrder(payments);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(sorted[i]).as("position " + i).isSameAs(expected.get(i));
        }
    }
}
