package dev.royalties.jobs.monthly;

import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.UserCap;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Step 5 of spec §4, keyed by user: the user's candidate plays are buffered and, when the key is
 * complete (in BATCH mode an event-time timer at +inf fires at the end of each key), ordered by
 * (played_at, play_id); those beyond the cap are capped. State is cleared when the user is done.
 */
final class ApplyUserCap extends KeyedProcessFunction<Tuple2<Long, String>, Play, PlayTally> {
    private static final long serialVersionUID = 1L;

    private final long cap;
    private transient ListState<Play> plays;

    ApplyUserCap(long cap) {
        this.cap = cap;
    }

    @Override
    public void open(OpenContext openContext) {
        plays = getRuntimeContext().getListState(new ListStateDescriptor<>("user-plays", Streams.PLAY));
    }

    @Override
    public void processElement(Play p, Context ctx, Collector<PlayTally> out) throws Exception {
        plays.add(p);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PlayTally> out) throws Exception {
        List<Play> all = new ArrayList<>();
        plays.get().forEach(all::add);
        plays.clear();
        int eligible = UserCap.eligibleCount(all, cap);
        CatalogueLedger ledger = new CatalogueLedger();
        for (int i = 0; i < all.size(); i++) {
            Play p = all.get(i);
            ledger.count(p.country, p.product, p.trackId, i < eligible ? PlayStatus.ELIGIBLE : PlayStatus.CAPPED, 1);
        }
        ledger.all().forEach(out::collect);
    }
}
