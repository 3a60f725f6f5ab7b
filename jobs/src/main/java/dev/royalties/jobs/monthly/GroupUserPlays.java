package dev.royalties.jobs.monthly;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.UserMonth;
import dev.royalties.rules.UserPoolPlays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by user (BATCH: each user's plays arrive together). Adds every user's qualifying plays to
 * the listening of their tracks (track_history), then either settles the user at once (below
 * threshold, cap, eligible) or, when the threshold needs the period's totals first, hands the
 * plays on in user order to {@link SettleUserPlays}. Combined tallies leave at the end of input.
 */
final class GroupUserPlays extends EndOfInputOperator<Play, Play> {
    private static final long serialVersionUID = 1L;

    private final Catalogue catalogue;
    private final Policy policy;
    private final Set<String> pooled;
    private transient UserRun run;
    private transient Map<String, TrackListening> listening;
    private transient UserSettlement settlement;
    private transient UserSettlement.Out out;

    GroupUserPlays(Catalogue catalogue, Policy policy, Set<String> pooled) {
        this.catalogue = catalogue;
        this.policy = policy;
        this.pooled = pooled;
    }

    @Override
    public void open() throws Exception {
        super.open();
        run = new UserRun();
        listening = new HashMap<>();
        settlement = new UserSettlement(catalogue, policy, pooled);
        out = new UserSettlement.Out() {
            @Override
            public void userPool(UserPoolPlays plays) {
                emit(Streams.USER_POOLS, plays);
            }

            @Override
            public void poolUser(PoolUser user) {
                emit(Streams.POOL_USERS, user);
            }
        };
    }

    @Override
    protected void onElement(Play p) throws Exception {
        run.add(p, this::onUser);
    }

    private void onUser(String userId, List<Play> plays) {
        List<Play> qualifying = plays;
        if (policy.computes(dev.royalties.rules.PaymentModel.USER_CENTRIC)) {
            qualifying = new java.util.ArrayList<>(plays.size());
            for (Play p : plays) {
                if (catalogue.credits(p.trackId) != null) {
                    qualifying.add(p);
                }
            }
        }
        UserMonth.listen(qualifying, listening);
        if (policy.thresholdOn()) {
            for (Play p : plays) {
                output.collect(new StreamRecord<>(p));
            }
        } else {
            settlement.settle(userId, plays, TrackEligibility.ALL, out);
        }
    }

    @Override
    protected void onEnd() throws Exception {
        run.flush(this::onUser);
        for (TrackListening t : listening.values()) {
            emit(Streams.PARTIALS, Partial.of(t));
        }
        for (PlayTally t : settlement.tallies()) {
            emit(Streams.PARTIALS, Partial.of(t));
        }
        settlement.artistListeners().forEach(l -> emit(Streams.PARTIALS, Partial.of(l)));
    }
}
