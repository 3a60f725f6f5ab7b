package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A ledger by track index counts what a ledger by track_id counts, whether its pools stay tally
 * objects, go dense, or run out of budget for dense pages half-way.
 */
class DenseLedgerTest {
    private static final int TRACKS = 10_000; // three pages of 4 096 tracks
    private static final Catalogue CATALOGUE = catalogue();

    private static Catalogue catalogue() {
        List<Catalogue.Track> tracks = new ArrayList<>();
        List<Catalogue.Right> rights = new ArrayList<>();
        for (int i = 0; i < TRACKS; i++) {
            String id = String.format("T%05d", i);
            tracks.add(track(id, "none"));
            rights.add(right(id, "A" + i % 97, ONE));
        }
        return new Catalogue(tracks, rights);
    }

    /** Many plays in DE/premium (it goes dense), a few in FR/free (it does not), and unmatched tracks. */
    private static void countPlays(CatalogueLedger ledger, long seed) {
        Random random = new Random(seed);
        PlayStatus[] statuses = PlayStatus.values();
        for (int i = 0; i < 60_000; i++) {
            boolean big = i % 200 != 0; // FR/free: 300 plays, fewer tracks than a sixteenth
            String country = big ? "DE" : "FR";
            String product = big ? "premium" : "free";
            String trackId = i % 1000 == 0 ? "T-unknown-" + i % 3 : String.format("T%05d", random.nextInt(TRACKS));
            PlayStatus status = statuses[random.nextInt(statuses.length)];
            Play p = new Play("P" + i, "U" + i % 50, trackId, 0L, 60_000, country, product,
                    i % 3 == 0 ? "search" : null);
            if (i % 2 == 0) {
                CATALOGUE.credits(p); // some plays arrive with their credits known, some not
            }
            if (status == PlayStatus.ELIGIBLE) {
                ledger.countEligible(p);
            } else if (i % 5 == 0) {
                ledger.count(p.country, p.product, p.trackId, status, 2);
            } else {
                ledger.count(p, status);
            }
        }
    }

    /** Each tally as one line, sorted (a recursive comparison of 20 000 tallies took seconds). */
    private static List<String> sorted(List<PlayTally> tallies) {
        return tallies.stream().map(t -> t.country + "|" + t.product + "|" + t.trackId + "|"
                + Arrays.toString(t.byStatus) + "|" + t.activeEligible).sorted().toList();
    }

    @Test
    void everyBudgetCountsWhatTheLedgerByTrackIdCounts() {
        CatalogueLedger byTrackId = new CatalogueLedger();
        countPlays(byTrackId, 7);
        List<String> expected = sorted(byTrackId.all());
        for (long budget : new long[] {0, DenseTallies.PAGE_BYTES, 2 * DenseTallies.PAGE_BYTES, Long.MAX_VALUE}) {
            CatalogueLedger byIndex = new CatalogueLedger(CATALOGUE, budget);
            countPlays(byIndex, 7);
            assertThat(sorted(byIndex.all())).as("budget " + budget).isEqualTo(expected);
            assertThat(byIndex.tallies("DE", "premium")).hasSize(byTrackId.pool("DE", "premium").size());
        }
    }

    @Test
    void playsHeldBackAndCountedAPageAtATimeCountWhatTheLedgerByTrackIdCounts() {
        for (int held : new int[] {1, 7, 1000}) {
            CatalogueLedger byTrackId = new CatalogueLedger();
            CatalogueLedger byIndex = new CatalogueLedger(CATALOGUE, Long.MAX_VALUE, held);
            for (int round = 1; round <= 2; round++) { // the second counts on after the ledger was read
                countPlays(byTrackId, 9);
                countPlays(byIndex, 9);
                assertThat(sorted(byIndex.all())).as("held " + held + ", round " + round)
                        .isEqualTo(sorted(byTrackId.all()));
            }
        }
    }

    @Test
    void addingUpWorkersTalliesGivesTheSameWhateverTheWorkersKept() {
        CatalogueLedger reference = new CatalogueLedger();
        countPlays(reference, 1);
        countPlays(reference, 2);
        CatalogueLedger dense = new CatalogueLedger(CATALOGUE, Long.MAX_VALUE);
        countPlays(dense, 1);
        CatalogueLedger objects = new CatalogueLedger(CATALOGUE, 0);
        countPlays(objects, 2);
        CatalogueLedger allocation = new CatalogueLedger(CATALOGUE, DenseTallies.PAGE_BYTES);
        dense.all().forEach(allocation::add);
        objects.all().forEach(allocation::add);
        assertThat(sorted(allocation.all())).isEqualTo(sorted(reference.all()));
    }

    @Test
    void aLedgerSentAsRunsAddsUpAsItsTalliesDoWhateverEitherSideKept() {
        for (long workerBudget : new long[] {0, DenseTallies.PAGE_BYTES, Long.MAX_VALUE}) {
            CatalogueLedger worker = new CatalogueLedger(CATALOGUE, workerBudget);
            countPlays(worker, 4);
            for (long budget : new long[] {0, DenseTallies.PAGE_BYTES, Long.MAX_VALUE}) {
                CatalogueLedger byTallies = new CatalogueLedger(CATALOGUE, budget);
                worker.all().forEach(byTallies::add);
                CatalogueLedger byRuns = new CatalogueLedger(CATALOGUE, budget);
                List<TallyRun> runs = new ArrayList<>();
                worker.send(100, runs::add, others -> others.forEach(byRuns::add));
                runs.forEach(byRuns::add);
                assertThat(runs).allSatisfy(r -> {
                    assertThat(r.size).isBetween(1, 100);
                    assertThat(Arrays.copyOf(r.indexes, r.size)).isSorted();
                });
                assertThat(sorted(byRuns.all())).as("worker " + workerBudget + ", allocation " + budget)
                        .isEqualTo(sorted(byTallies.all()));
            }
        }
    }

    @Test
    void aSnapshotGivesEachPoolsTalliesOnceAndAddsUpEveryStatusWithoutThem() {
        for (long budget : new long[] {0, DenseTallies.PAGE_BYTES, Long.MAX_VALUE}) {
            CatalogueLedger ledger = new CatalogueLedger(CATALOGUE, budget);
            countPlays(ledger, 5);
            long[] expected = new long[PlayStatus.COUNT];
            for (PlayTally t : ledger.all()) {
                for (int s = 0; s < expected.length; s++) {
                    expected[s] += t.byStatus[s];
                }
            }
            CatalogueLedger.Snapshot snapshot = ledger.snapshot();
            assertThat(snapshot.countsByStatus()).as("budget " + budget).containsExactly(expected);
            List<PlayTally> premium = snapshot.tallies("DE", "premium");
            assertThat(sorted(premium)).isEqualTo(sorted(ledger.tallies("DE", "premium")));
            assertThat(snapshot.tallies("DE", "premium")).isSameAs(premium);
            assertThat(snapshot.tallies("XX", "none")).isEmpty();
        }
    }

    @Test
    void aPoolTalliesComeInTrackIdOrderAndAreSnapshots() {
        CatalogueLedger ledger = new CatalogueLedger(CATALOGUE, Long.MAX_VALUE);
        countPlays(ledger, 3);
        List<PlayTally> pool = ledger.tallies("DE", "premium");
        List<String> ids = pool.stream().filter(t -> t.trackIndex >= 0).map(t -> t.trackId).toList();
        assertThat(ids).isSorted();
        long before = pool.get(0).eligible();
        pool.get(0).byStatus[PlayStatus.ELIGIBLE.ordinal()] += 100;
        assertThat(ledger.tallies("DE", "premium").get(0).eligible()).isEqualTo(before);
    }
}
