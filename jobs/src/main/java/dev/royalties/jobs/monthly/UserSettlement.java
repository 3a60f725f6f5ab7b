package dev.royalties.jobs.monthly;

import dev.royalties.rules.Allocation;
import dev.royalties.rules.ArtistListeners;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.UserMonth;
import dev.royalties.rules.UserPoolPlays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Settles users one at a time ({@link UserMonth}) and keeps what the allocation needs from them,
 * combined on this worker: play tallies by status, each artist's listeners (artist-centric only)
 * and, for user-centric, one record per (user, pool) handed on at once. Shared by the operator
 * that settles right after grouping and the one that waits for the threshold's verdicts.
 */
final class UserSettlement {
    /** Where user-centric's per-(user, pool) records go: two side outputs of the settling operator. */
    record Out(Consumer<UserPoolPlays> userPools, Consumer<PoolUser> poolUsers) {
        void userPool(UserPoolPlays plays) {
            userPools.accept(plays);
        }

        void poolUser(PoolUser user) {
            poolUsers.accept(user);
        }
    }

    private final Catalogue catalogue;
    private final Policy policy;
    private final Set<String> pooled;
    private final boolean artistCentric;
    private final boolean userCentric;
    private final CatalogueLedger ledger;
    private final Map<String, long[]> listeners = new HashMap<>();
    private final Set<String> userArtists = new HashSet<>();
    private final Map<String, TreeMap<String, long[]>> userPools = new TreeMap<>();

    /** @param pooled the (country, product) pool keys of the period ({@link Allocation#poolKey}) */
    UserSettlement(Catalogue catalogue, Policy policy, Set<String> pooled) {
        this.catalogue = catalogue;
        this.ledger = new CatalogueLedger(catalogue);
        this.policy = policy;
        this.pooled = pooled;
        this.artistCentric = policy.computes(PaymentModel.ARTIST_CENTRIC);
        this.userCentric = policy.computes(PaymentModel.USER_CENTRIC);
    }

    /**
     * @param plays the user's qualifying plays and, for user-centric, the user's unmatched plays
     *              (told apart by their track having no credits)
     */
    void settle(String userId, List<Play> plays, TrackEligibility eligibility, Out out) {
        List<Play> qualifying = userCentric ? new java.util.ArrayList<>(plays.size()) : plays;
        if (userCentric) {
            for (Play p : plays) {
                if (catalogue.indexOf(p) < 0) { // unmatched; by its index, the credits unread
                    pool(p)[1]++;
                } else {
                    qualifying.add(p);
                }
            }
        }
        UserMonth.settle(qualifying, eligibility, policy.userMonthlyCap(), (p, status) -> {
            // By the track's index: its credits are read only where artist-centric needs its artists.
            if (status != PlayStatus.ELIGIBLE) {
                ledger.count(p, status);
                return;
            }
            ledger.countEligible(p);
            if (artistCentric) {
                for (String a : catalogue.credits(p).artists()) {
                    userArtists.add(a);
                }
            }
            if (userCentric) {
                pool(p)[0]++;
            }
        });
        for (String a : userArtists) {
            listeners.computeIfAbsent(a, k -> new long[1])[0]++;
        }
        userArtists.clear();
        if (userCentric) {
            emitUserPools(userId, out);
        }
    }

    /** The user's {eligible, unmatched} counters for a play's pool and track; unpooled plays count nowhere. */
    private long[] pool(Play p) {
        String key = Allocation.poolKey(p.country, p.product);
        if (!pooled.contains(key)) {
            return new long[2];
        }
        return userPools.computeIfAbsent(key, k -> new TreeMap<>())
                .computeIfAbsent(p.trackId, k -> new long[2]);
    }

    private void emitUserPools(String userId, Out out) {
        for (Map.Entry<String, TreeMap<String, long[]>> pool : userPools.entrySet()) {
            int n = 0;
            long unmatched = 0;
            for (long[] c : pool.getValue().values()) {
                n += c[0] > 0 ? 1 : 0;
                unmatched += c[1];
            }
            if (n == 0) {
                continue; // only unmatched plays: the user gets no part of this pool
            }
            String[] tracks = new String[n];
            long[] eligible = new long[n];
            int i = 0;
            for (Map.Entry<String, long[]> t : pool.getValue().entrySet()) {
                if (t.getValue()[0] > 0) {
                    tracks[i] = t.getKey();
                    eligible[i++] = t.getValue()[0];
                }
            }
            String[] cp = pool.getKey().split("\u0000", -1);
            out.userPool(new UserPoolPlays(userId, cp[0], cp[1], tracks, eligible, unmatched));
            out.poolUser(new PoolUser(cp[0], cp[1], userId));
        }
        userPools.clear();
    }

    /** Where settled plays are counted; the user-first pipeline counts its steps 1-4 there too. */
    CatalogueLedger ledger() {
        return ledger;
    }

    List<ArtistListeners> artistListeners() {
        List<ArtistListeners> out = new java.util.ArrayList<>(listeners.size());
        listeners.forEach((a, n) -> out.add(new ArtistListeners(a, n[0])));
        return out;
    }
}
