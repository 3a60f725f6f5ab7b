package dev.royalties.jobs.monthly;

import dev.royalties.rules.Allocation;
import dev.royalties.rules.Period;
import dev.royalties.rules.Pool;
import dev.royalties.rules.UserCentric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User-centric (issue 9 §3): each catalogue pool's equal parts over its users with an eligible
 * play. Needs every such user id of the period at once (one string per user and pool, never
 * written out); runs with parallelism 1 and broadcasts one table of parts.
 */
final class SplitUserParts extends EndOfInputOperator<PoolUser, UserParts> {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Long> poolCents = new HashMap<>();
    private transient Map<String, List<String>> users;

    SplitUserParts(Period period, List<Pool> pools) {
        for (Pool p : pools) {
            if (period.toString().equals(p.period())) {
                poolCents.put(Allocation.poolKey(p.country(), p.product()), p.amountCents());
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        users = new HashMap<>();
    }

    @Override
    protected void onElement(PoolUser u) {
        users.computeIfAbsent(Allocation.poolKey(u.country, u.product), k -> new ArrayList<>()).add(u.userId);
    }

    @Override
    protected void onEnd() {
        Map<String, UserCentric.Parts> parts = new HashMap<>();
        users.forEach((pool, ids) -> parts.put(pool, UserCentric.parts(poolCents.get(pool), ids)));
        emit(new UserParts(parts));
    }

    @Override
    protected void release() {
        users = null;
    }
}
