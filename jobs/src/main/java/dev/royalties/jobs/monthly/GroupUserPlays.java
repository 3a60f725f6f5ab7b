package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Play;
import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.PeriodListening;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Partitioned by user, in blocks that {@link PackUserPlays} packed; gathers each user's plays
 * itself ({@link UserBuckets}) instead of behind a keyed sort. Adds every user's qualifying plays to
 * the listening of their tracks (track_history), then either settles the user at once (below
 * threshold, cap, eligible) or, when the threshold needs the period's totals first, hands each
 * user's plays on together to {@link SettleUserPlays}.
 * Combined tallies leave at the end of input.
 *
 * <p>On the user-first pipeline it gets each user's raw copies instead: it de-duplicates them by
 * play_id (every copy of a play is under this user: {@link CrossUserDuplicates} checks that) and
 * applies steps 1-4 ({@link CandidatePlays}) itself, so the plays cross the network once.
 */
final class GroupUserPlays extends EndOfInputOperator<UserPlayBlock, Play> {
    private static final long serialVersionUID = 1L;

    private final Catalogue catalogue;
    private final Policy policy;
    private final Set<String> pooled;
    /** Null on the general pipeline, where plays arrive de-duplicated and classified. */
    private final CandidatePlays candidates;
    private transient UserBuckets users;
    private transient PeriodListening listening;
    private transient UserSettlement settlement;
    private transient UserSettlement.Out out;
    private transient List<Play> passing;
    private transient DistinctPlays distinct;

    GroupUserPlays(Catalogue catalogue, Policy policy, Set<String> pooled, CandidatePlays candidates) {
        this.catalogue = catalogue;
        this.policy = policy;
        this.pooled = pooled;
        this.candidates = candidates;
    }

    @Override
    public void open() throws Exception {
        super.open();
        users = new UserBuckets(SpillFolder.of(this, "user-plays-"), catalogue::trackIdAt);
        listening = new PeriodListening(catalogue);
        settlement = new UserSettlement(catalogue, policy, pooled);
        out = new UserSettlement.Out(plays -> emit(Streams.USER_POOLS, plays),
                user -> emit(Streams.POOL_USERS, user));
        passing = new ArrayList<>();
        distinct = new DistinctPlays();
        if (candidates != null) {
            candidates.open(settlement.ledger());
        }
    }

    @Override
    protected void onElement(UserPlayBlock block) throws Exception {
        users.add(block);
    }

    private void onUser(String userId, List<Play> copies) {
        List<Play> plays = candidates == null ? copies : dedupAndClassify(copies);
        List<Play> qualifying = plays;
        if (policy.computes(PaymentModel.USER_CENTRIC)) {
            qualifying = new ArrayList<>(plays.size());
            for (Play p : plays) {
                if (catalogue.indexOf(p) >= 0) { // matched; by its index, the credits unread
                    qualifying.add(p);
                }
            }
        }
        listening.listen(qualifying);
        if (policy.thresholdOn()) {
            for (Play p : plays) {
                output.collect(new StreamRecord<>(p));
            }
        } else {
            settlement.settle(userId, plays, TrackEligibility.ALL, out);
        }
    }

    /** The user's plays that pass steps 1-4, one per play_id; the rest are counted by {@link #candidates}. */
    private List<Play> dedupAndClassify(List<Play> copies) {
        passing.clear();
        for (Play p : distinct.of(copies)) {
            if (candidates.passes(p)) {
                passing.add(p);
            }
        }
        return passing;
    }

    @Override
    protected void onEnd() throws Exception {
        users.forEachUser(this::onUser);
        listening.forEach(t -> emit(Streams.PARTIALS, Partial.of(t)));
        Partial.send(settlement.ledger(), p -> emit(Streams.PARTIALS, p));
        settlement.artistListeners().forEach(l -> emit(Streams.PARTIALS, Partial.of(l)));
        if (candidates != null) {
            emit(Streams.PARTIALS, candidates.duplicates()); // its tallies are in the settlement's ledger
        }
    }

    /** For tests: whether the worker's tallies are still held. */
    boolean holdsState() {
        return users != null || listening != null || settlement != null || passing != null
                || distinct != null;
    }

    @Override
    protected void release() {
        closeUsers();
        listening = null;
        settlement = null;
        out = null;
        passing = null;
        distinct = null;
        if (candidates != null) {
            candidates.release();
        }
    }

    private void closeUsers() {
        if (users != null) {
            try {
                users.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            users = null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            closeUsers(); // a failed run leaves no spill files behind
        } finally {
            super.close();
        }
    }
}
