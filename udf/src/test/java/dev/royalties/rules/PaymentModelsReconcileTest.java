package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Property: over random months, every model pays every pool exactly: allocated + held = pool, to the cent. */
class PaymentModelsReconcileTest {

    @Test
    void everyModelReconcilesEveryPoolOverRandomMonths() {
        for (long seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            List<Catalogue.Track> tracks = new ArrayList<>();
            List<Catalogue.Right> rights = new ArrayList<>();
            int nTracks = 1 + r.nextInt(8);
            for (int t = 0; t < nTracks; t++) {
                tracks.add(new Catalogue.Track("T" + t, "I" + t, 200_000, "none"));
                int artists = 1 + r.nextInt(3);
                long left = 1_000_000;
                for (int a = 0; a < artists; a++) {
                    long share = a == artists - 1 ? left : 1 + r.nextInt((int) (left - (artists - a - 1)));
                    left -= share;
                    rights.add(new Catalogue.Right("T" + t, "A" + r.nextInt(6) + "-" + t + "-" + a, share));
                }
            }
            Catalogue catalogue = new Catalogue(tracks, rights);
            List<Pool> pools = List.of(new Pool("2026-10", "FR", "premium", (long) r.nextInt(100_000), "EUR"),
                    new Pool("2026-10", "DE", "free", (long) r.nextInt(7), "EUR"));
            CatalogueLedger ledger = new CatalogueLedger();
            // user -> pool -> track -> {eligible, unmatched}
            Map<String, Map<String, TreeMap<String, long[]>>> users = new TreeMap<>();
            int plays = r.nextInt(60);
            for (int i = 0; i < plays; i++) {
                Pool pool = pools.get(r.nextInt(2));
                String user = "U" + r.nextInt(7);
                boolean unmatched = r.nextInt(5) == 0;
                String track = unmatched ? "TX" : "T" + r.nextInt(nTracks);
                long[] c = users.computeIfAbsent(user, k -> new TreeMap<>())
                        .computeIfAbsent(Allocation.poolKey(pool.country(), pool.product()), k -> new TreeMap<>())
                        .computeIfAbsent(track, k -> new long[2]);
                if (unmatched) {
                    ledger.count(pool.country(), pool.product(), track, PlayStatus.UNMATCHED, 1);
                    c[1]++;
                } else {
                    ledger.countEligible(pool.country(), pool.product(), track, r.nextBoolean());
                    c[0]++;
                }
            }
            Allocation.ModelInputs inputs = new Allocation.ModelInputs(professionals(rights, r),
                    userCentric(pools, users, catalogue));
            for (PaymentModel m : PaymentModel.values()) {
                Allocation.Result res = Allocation.allocate(Fixtures.OCT, pools, List.of(), catalogue, ledger,
                        List.of(), m, inputs);
                for (PoolReconciliation p : res.pools()) {
                    long paid = res.payments().stream().filter(x -> x.country().equals(p.country())
                            && x.product().equals(p.product())).mapToLong(ArtistPayment::amountCents).sum();
                    assertThat(p.allocatedCents() + p.heldCents()).as("seed %d %s", seed, m).isEqualTo(p.poolCents());
                    assertThat(paid).as("seed %d %s", seed, m).isEqualTo(p.allocatedCents());
                    assertThat(p.heldCents()).isNotNegative();
                }
                assertThat(res.payments()).allSatisfy(x -> assertThat(x.amountCents()).isNotNegative());
            }
        }
    }

    private static Set<String> professionals(List<Catalogue.Right> rights, Random r) {
        Set<String> pro = new HashSet<>();
        rights.forEach(x -> {
            if (r.nextBoolean()) {
                pro.add(x.artistId());
            }
        });
        return pro;
    }

    /** What the job's user-centric stages compute, from the same rule classes. */
    private static Map<String, Allocation.UserCentricPool> userCentric(List<Pool> pools,
            Map<String, Map<String, TreeMap<String, long[]>>> users, Catalogue catalogue) {
        Map<String, Allocation.UserCentricPool> out = new HashMap<>();
        for (Pool pool : pools) {
            String key = Allocation.poolKey(pool.country(), pool.product());
            List<String> eligibleUsers = new ArrayList<>();
            users.forEach((u, byPool) -> {
                if (byPool.getOrDefault(key, new TreeMap<>()).entrySet().stream()
                        .anyMatch(e -> e.getValue()[0] > 0)) {
                    eligibleUsers.add(u);
                }
            });
            UserCentric.Parts parts = UserCentric.parts(pool.amountCents(), eligibleUsers);
            if (parts == null) {
                continue;
            }
            Map<String, Long> artists = new HashMap<>();
            long held = 0;
            for (String u : eligibleUsers) {
                TreeMap<String, long[]> byTrack = users.get(u).get(key);
                List<String> ts = new ArrayList<>();
                List<Long> counts = new ArrayList<>();
                long unmatched = 0;
                for (Map.Entry<String, long[]> e : byTrack.entrySet()) {
                    unmatched += e.getValue()[1];
                    if (e.getValue()[0] > 0) {
                        ts.add(e.getKey());
                        counts.add(e.getValue()[0]);
                    }
                }
                UserCentric.UserSplit s = UserCentric.split(parts.of(u), new UserPoolPlays(u, pool.country(),
                        pool.product(), ts.toArray(String[]::new), counts.stream().mapToLong(Long::longValue).toArray(),
                        unmatched), catalogue);
                s.artistCents().forEach((a, c) -> artists.merge(a, c, Long::sum));
                held += s.heldCents();
            }
            out.put(key, new Allocation.UserCentricPool(artists, held));
        }
        return out;
    }
}
