package dev.royalties.jobs.live;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.Times;
import dev.royalties.rules.Verdict;
import dev.royalties.rules.VerdictIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Which plays count as eligible so far (spec §4 steps 1-4; the monthly cap is not applied live),
 * and the +1/-1 that each change makes to (day, artist, country, product).
 *
 * <p>Keyed by user_id. Keyed input: plays, and verdicts on users. Broadcast input: verdicts on plays
 * and on tracks (any user may be affected). Each play is kept with its steps 2-4 outcome (from
 * {@link PlayClassifier} without verdicts); whether verdicts make it fraud is asked of a
 * {@link VerdictIndex} built from the verdicts on its user, play and track (the deciding-verdict rule
 * lives there, not here). When a verdict arrives, the plays it can affect are re-asked with the
 * verdicts before and after it, and every play whose answer changed emits -1 or +1 per credited
 * artist: so `fraud` takes plays out of the counts and a later `cleared` brings them back, whatever
 * order things arrive in.
 *
 * <p>Duplicates of a play_id (same user) are one play: the earliest played_at wins, then the
 * greatest ms_played (spec §3).
 *
 * <p>State: one {@link UserPlays} per user (its kept plays and the verdicts on it). Bounded: a play
 * is kept until the watermark passes the end of its UTC day plus the retention
 * ({@code --accrual-retention-days}); an event-time timer per (user, day) removes it. A
 * play that arrives after that horizon is still archived, but no longer changes the live counts
 * (the counts of its day have been dropped from state too; the monthly run is the authority). A
 * user verdict with a valid_to is dropped once the last day it covers leaves the window; an open
 * one stays (it still decides the user's future plays). Play and track verdicts (few, like all
 * reference data) are kept in broadcast state.
 */
public final class AccrueEligiblePlays extends KeyedBroadcastProcessFunction<String, UserEvent, Verdict, AccrualDelta> {
    private static final long serialVersionUID = 1L;
    static final long DAY_MS = 86_400_000L;

    /** Verdicts on plays and tracks by "play\0id" / "track\0id". */
    public static final MapStateDescriptor<String, List<Verdict>> BROADCAST_VERDICTS = new MapStateDescriptor<>(
            "play-and-track-verdicts", Types.STRING, Types.LIST(TypeInformation.of(Verdict.class)));

    private static final ValueStateDescriptor<UserPlays> USER = new ValueStateDescriptor<>("user", LiveTypes.USER_PLAYS);

    private final LiveRules rules;
    private final long retentionMs;

    private transient ValueState<UserPlays> user;
    private transient PlayClassifier withoutVerdicts;
    private transient Counter duplicates;
    private transient Counter beyondRetention;

    public AccrueEligiblePlays(LiveRules rules, long retentionMs) {
        this.rules = rules;
        this.retentionMs = retentionMs;
    }

    @Override
    public void open(OpenContext ctx) {
        user = getRuntimeContext().getState(USER);
        withoutVerdicts = rules.withoutVerdicts();
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatePlays");
        beyondRetention = getRuntimeContext().getMetricGroup().counter("playsBeyondRetention");
    }

    /** The watermark at which a day's plays leave state (end of the day + retention), in ms. */
    long horizonMs(int day) {
        return (day + 1L) * DAY_MS + retentionMs;
    }

    @Override
    public void processElement(UserEvent e, ReadOnlyContext ctx, Collector<AccrualDelta> out) throws Exception {
        ReadOnlyBroadcastState<String, List<Verdict>> shared = ctx.getBroadcastState(BROADCAST_VERDICTS);
        if (e.play != null) {
            onPlay(e.play, ctx, shared, out);
        } else {
            onUserVerdict(e.verdict, ctx, shared, out);
        }
    }

    private void onPlay(Play p, ReadOnlyContext ctx, ReadOnlyBroadcastState<String, List<Verdict>> shared,
                        Collector<AccrualDelta> out) throws Exception {
        int day = Times.utcDay(p.playedAt);
        long watermark = ctx.timerService().currentWatermark();
        if (horizonMs(day) <= watermark) {
            beyondRetention.inc();
            return;
        }
        UserPlays u = user.value();
        if (u == null) {
            u = new UserPlays();
        }
        Catalogue.Credits credits = rules.catalogue().credits(p.trackId);
        int i = u.find(p.playId);
        if (i >= 0) {
            boolean wins = p.playedAt < u.playedAt[i] || (p.playedAt == u.playedAt[i] && p.msPlayed > u.msPlayed[i]);
            duplicates.inc();
            if (!wins) {
                return;
            }
            if (counts(u, i, p.userId, shared) && !expired(u, i, watermark)) {
                emit(u, i, -1, out);
            }
        } else {
            i = u.add(p.playId);
        }
        u.set(i, p.trackId, p.playedAt, p.msPlayed, Canonical.country(p.country), Canonical.product(p.product),
                withoutVerdicts.statusBeforeCap(p, credits) == PlayStatus.ELIGIBLE);
        if (day != u.timerDay) {
            ctx.timerService().registerEventTimeTimer(horizonMs(day));
            u.timerDay = day;
        }
        if (counts(u, i, p.userId, shared)) {
            emit(u, i, +1, credits, out);
        }
        user.update(u);
    }

    private void onUserVerdict(Verdict v, ReadOnlyContext ctx, ReadOnlyBroadcastState<String, List<Verdict>> shared,
                               Collector<AccrualDelta> out) throws Exception {
        String userId = ctx.getCurrentKey();
        UserPlays u = user.value();
        if (u == null) {
            u = new UserPlays();
        }
        List<Verdict> before = List.copyOf(u.verdicts);
        u.verdicts.add(v);
        if (v.validTo() != Long.MIN_VALUE) {
            // dropped once the last day it covers leaves the retention window, plays or not
            ctx.timerService().registerEventTimeTimer(horizonMs(Times.utcDay(v.validTo() - 1)));
        }
        long watermark = ctx.timerService().currentWatermark();
        for (int i = 0; i < u.size; i++) {
            if (!u.payable[i] || !v.covers(u.playedAt[i]) || expired(u, i, watermark)) {
                continue;
            }
            boolean was = !fraud(u.playIds[i], userId, u.trackIds[i], u.playedAt[i], before, null, null, shared);
            boolean is = !fraud(u.playIds[i], userId, u.trackIds[i], u.playedAt[i], u.verdicts, null, null, shared);
            if (was != is) {
                emit(u, i, is ? +1 : -1, out);
            }
        }
        user.update(u);
    }

    @Override
    public void processBroadcastElement(Verdict v, Context ctx, Collector<AccrualDelta> out) throws Exception {
        String key = sharedKey(v.subjectType(), v.subjectId());
        org.apache.flink.api.common.state.BroadcastState<String, List<Verdict>> shared =
                ctx.getBroadcastState(BROADCAST_VERDICTS);
        List<Verdict> before = list(shared.get(key));
        List<Verdict> after = new ArrayList<>(before);
        after.add(v);
        boolean onPlay = "play".equals(v.subjectType());
        long watermark = ctx.currentWatermark();
        // Every key of this subtask: a track verdict may touch any user; a play verdict names no user.
        ctx.applyToKeyedState(USER, (userId, state) -> {
            UserPlays u = state.value();
            for (int i = 0; i < u.size; i++) {
                boolean affected = onPlay ? u.playIds[i].equals(v.subjectId()) : u.trackIds[i].equals(v.subjectId());
                if (!affected || !u.payable[i] || !v.covers(u.playedAt[i]) || expired(u, i, watermark)) {
                    continue;
                }
                boolean was = !fraud(u.playIds[i], userId, u.trackIds[i], u.playedAt[i], u.verdicts,
                        onPlay ? before : null, onPlay ? null : before, shared);
                boolean is = !fraud(u.playIds[i], userId, u.trackIds[i], u.playedAt[i], u.verdicts,
                        onPlay ? after : null, onPlay ? null : after, shared);
                if (was != is) {
                    emit(u, i, is ? +1 : -1, out);
                }
            }
        });
        shared.put(key, after);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AccrualDelta> out) throws Exception {
        UserPlays u = user.value();
        if (u == null) {
            return;
        }
        u.removeIf(i -> horizonMs(Times.utcDay(u.playedAt[i])) <= timestamp);
        // Plays still kept or still accepted are of later days: played_at >= timestamp - retention.
        // A user verdict that ends before that can no longer cover anything.
        long oldestKeptMicros = (timestamp - retentionMs) * 1_000L;
        u.verdicts.removeIf(v -> v.validTo() != Long.MIN_VALUE && v.validTo() <= oldestKeptMicros);
        if (u.isEmpty()) {
            user.clear();
        } else {
            user.update(u);
        }
    }

    /**
     * A play whose day has left the retention window but whose removal timer has not fired yet
     * (timers fire after the watermark moves on): its counts are gone downstream, so it no longer
     * changes them.
     */
    private boolean expired(UserPlays u, int i, long watermark) {
        return horizonMs(Times.utcDay(u.playedAt[i])) <= watermark;
    }

    /** Whether a kept play counts now: it passed steps 2-4, and no verdict on its user, play or track says fraud. */
    private static boolean counts(UserPlays u, int i, String userId,
                                  ReadOnlyBroadcastState<String, List<Verdict>> shared) throws Exception {
        return u.payable[i] && !fraud(u.playIds[i], userId, u.trackIds[i], u.playedAt[i], u.verdicts, null, null, shared);
    }

    /**
     * Step 1 of spec §4 through {@link VerdictIndex}. The play and track verdict lists may be given
     * (to ask "before" and "after" a broadcast verdict); null means "as in broadcast state".
     */
    private static boolean fraud(String playId, String userId, String trackId, long playedAt, List<Verdict> mine,
                                 List<Verdict> onPlay, List<Verdict> onTrack,
                                 ReadOnlyBroadcastState<String, List<Verdict>> shared) throws Exception {
        List<Verdict> p = onPlay != null ? onPlay : list(shared.get(sharedKey("play", playId)));
        List<Verdict> t = onTrack != null ? onTrack : list(shared.get(sharedKey("track", trackId)));
        if (mine.isEmpty() && p.isEmpty() && t.isEmpty()) {
            return false;
        }
        List<Verdict> all = new ArrayList<>(mine.size() + p.size() + t.size());
        all.addAll(mine);
        all.addAll(p);
        all.addAll(t);
        // Live, every verdict that has arrived is known: as-of is "now".
        return new VerdictIndex(all, Long.MAX_VALUE).playIsFraud(playId, userId, trackId, playedAt);
    }

    private void emit(UserPlays u, int i, int delta, Collector<AccrualDelta> out) {
        emit(u, i, delta, rules.catalogue().credits(u.trackIds[i]), out);
    }

    private void emit(UserPlays u, int i, int delta, Catalogue.Credits credits, Collector<AccrualDelta> out) {
        if (credits == null) {
            return;
        }
        int day = Times.utcDay(u.playedAt[i]);
        for (String artist : credits.artists()) {
            out.collect(new AccrualDelta(day, artist, u.countries[i], u.products[i], delta));
        }
    }

    static String sharedKey(String subjectType, String subjectId) {
        return subjectType + '\u0000' + subjectId;
    }

    private static <T> List<T> list(Iterable<T> it) {
        if (it == null) {
            return List.of();
        }
        if (it instanceof List<T> l) {
            return l;
        }
        List<T> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
