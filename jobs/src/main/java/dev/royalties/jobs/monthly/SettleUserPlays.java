package dev.royalties.jobs.monthly;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackEligibility;
import java.util.List;
import java.util.Set;

/**
 * With a track threshold: settles each user (below_threshold, cap, eligible) once the period's
 * verdicts per track have arrived. Its plays come straight from {@link GroupUserPlays}, each user's
 * together, so no second shuffle is needed.
 */
final class SettleUserPlays extends BroadcastFirstOperator<Play, TrackEligibility, Partial> {
    private static final long serialVersionUID = 1L;

    private final Catalogue catalogue;
    private final Policy policy;
    private final Set<String> pooled;
    private transient TrackEligibility eligibility;
    private transient UserRun run;
    private transient UserSettlement settlement;
    private transient UserSettlement.Out out;

    SettleUserPlays(Catalogue catalogue, Policy policy, Set<String> pooled) {
        this.catalogue = catalogue;
        this.policy = policy;
        this.pooled = pooled;
    }

    @Override
    public void open() throws Exception {
        super.open();
        run = new UserRun();
        settlement = new UserSettlement(catalogue, policy, pooled);
        out = new UserSettlement.Out(plays -> emit(Streams.USER_POOLS, plays),
                user -> emit(Streams.POOL_USERS, user));
    }

    @Override
    protected void onBroadcast(List<TrackEligibility> all) {
        if (all.size() != 1) {
            throw new IllegalStateException("expected one set of track verdicts, got " + all.size());
        }
        eligibility = all.get(0);
    }

    @Override
    protected void onElement(Play p) throws Exception {
        run.add(p, this::onUser);
    }

    private void onUser(String userId, List<Play> plays) {
        settlement.settle(userId, plays, eligibility, out);
    }

    @Override
    protected void onEnd() throws Exception {
        run.flush(this::onUser);
        Partial.send(settlement.ledger(), this::emit);
        settlement.artistListeners().forEach(l -> emit(Partial.of(l)));
    }

    @Override
    protected void release() {
        run = null;
        settlement = null;
        out = null;
        eligibility = null;
    }
}
