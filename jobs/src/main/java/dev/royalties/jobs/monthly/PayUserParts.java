package dev.royalties.jobs.monthly;

import dev.royalties.rules.Allocation;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.PoolCents;
import dev.royalties.rules.UserCentric;
import dev.royalties.rules.UserPoolPlays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * User-centric (issue 9 §3): splits each user's part of a pool over the artists that user played,
 * once the parts have arrived, and sums the cents per (pool, artist) on this worker. Only cents
 * leave: no user id goes further.
 */
final class PayUserParts extends BroadcastFirstOperator<UserPoolPlays, UserParts, Partial> {
    private static final long serialVersionUID = 1L;

    private final Catalogue catalogue;
    private transient UserParts parts;
    private transient Map<String, Map<String, long[]>> cents; // pool -> artist ("" = held) -> cents

    PayUserParts(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void open() throws Exception {
        super.open();
        cents = new HashMap<>();
    }

    @Override
    protected void onBroadcast(List<UserParts> all) {
        if (all.size() != 1) {
            throw new IllegalStateException("expected one table of user parts, got " + all.size());
        }
        parts = all.get(0);
    }

    @Override
    protected void onElement(UserPoolPlays plays) {
        String pool = Allocation.poolKey(plays.country, plays.product);
        long part = parts.byPool.get(pool).of(plays.userId);
        UserCentric.UserSplit split = UserCentric.split(part, plays, catalogue);
        Map<String, long[]> into = cents.computeIfAbsent(pool, k -> new HashMap<>());
        split.artistCents().forEach((artist, c) -> into.computeIfAbsent(artist, k -> new long[1])[0] += c);
        into.computeIfAbsent("", k -> new long[1])[0] += split.heldCents();
    }

    @Override
    protected void onEnd() {
        cents.forEach((pool, byArtist) -> {
            String[] cp = pool.split("\u0000", -1);
            byArtist.forEach((artist, c) -> emit(Partial.of(new PoolCents(cp[0], cp[1], artist.isEmpty() ? null : artist, c[0]))));
        });
    }

    @Override
    protected void release() {
        parts = null;
        cents = null;
    }
}
