package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.AiLedger;
import dev.royalties.rules.Allocation;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Policy;
import dev.royalties.rules.Pool;
import dev.royalties.rules.TrackEligibility;
import dev.royalties.rules.UserPoolPlays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Duplicates;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.Usage;
import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The monthly workflow (spec §3 to §9, issue 9's models) over injected sources and sinks. One pass
 * over the plays: validate, then (see {@link Grouping}) either group by user at once and
 * de-duplicate and classify within each user, or de-duplicate by play_id, classify, and group the
 * plays that pass by user; per user: listeners, threshold, cap, counted locally. Where a rule needs
 * a total of the whole period first (the threshold's verdicts, user-centric's parts), a
 * single-parallelism operator computes it and broadcasts it to a stage that reads it before its own
 * input. Everything that reaches the single allocation operator is already aggregated.
 */
public final class MonthlyPipeline {
    /**
     * How plays reach the per-user rules. USER_FIRST shuffles them once, by user, and de-duplicates
     * within each user; GENERAL de-duplicates by play_id first and shuffles the survivors by user,
     * which is exact whatever the input, at the cost of a second shuffle and sort of every play.
     */
    public enum Grouping { USER_FIRST, GENERAL }

    private MonthlyPipeline() {}

    /**
     * Wires the job and returns the run summary (one JSON document) for the driver to collect.
     *
     * @param plays the rows of plays as {@link PlayColumnsFormat} reads them: columnar under USER_FIRST,
     *              every row as a {@link Play} under GENERAL
     * @param historyStreams qualifying streams per track over the 11 periods before this one (the threshold)
     */
    public static DataStream<String> build(DataStream<UserPlayRecord> plays, DataStream<Usage> usage,
                                           MonthlyReference ref, Map<String, Long> historyStreams,
                                           String previousPayments, OutputSinks sinks, Grouping grouping) {
        Policy policy = ref.policy();
        Set<String> pooled = pooledKeys(ref);
        // ---- catalogue streams ----
        CandidatePlays steps1to4 = new CandidatePlays(new PlayClassifier(ref.verdicts(), ref.catalogue(), policy),
                ref.catalogue());
        SingleOutputStreamOperator<Play> grouped;
        SingleOutputStreamOperator<?> validated;
        DataStream<Partial> partials;
        if (grouping == Grouping.USER_FIRST) {
            // One shuffle: each user's copies together, de-duplicated and classified per user. Exact
            // when every copy of a play_id has one user_id; the fingerprint check below counts the
            // play_ids that do not, and the driver then runs the period again on the general pipeline.
            SingleOutputStreamOperator<UserPlayBlock> packed = plays
                    .transform("validate-and-pack-plays", Streams.USER_PLAY_BLOCK,
                            new ValidateAndPackPlays(ref.period(), workers(plays)))
                    .uid("validate-and-pack-plays");
            validated = packed;
            grouped = toUsers(packed)
                    .transform("group-user-plays", Streams.PLAY, new GroupUserPlays(ref.catalogue(), policy, pooled,
                            steps1to4))
                    .uid("group-user-plays");
            DataStream<Partial> crossUser = packed.getSideOutput(Streams.FINGERPRINT_BLOCKS)
                    .partitionCustom((Partitioner<Integer>) (bucket, n) -> bucket % n, block -> (int) block[0])
                    .transform("find-cross-user-duplicates", Streams.PARTIAL, new CrossUserDuplicates())
                    .uid("find-cross-user-duplicates");
            partials = packed.getSideOutput(Streams.PARTIALS).union(crossUser);
        } else {
            SingleOutputStreamOperator<UserPlayRecord> validPlays = plays
                    .transform("validate-plays", Streams.USER_PLAY_RECORD, new ValidatePlays(ref.period()))
                    .uid("validate-plays");
            validated = validPlays;
            SingleOutputStreamOperator<Play> candidates = validPlays
                    .map(MonthlyPipeline::asPlay, Streams.PLAY).name("plays-as-objects").uid("plays-as-objects")
                    .keyBy(p -> ShuffleKeys.of(p.playId), ShuffleKeys.TYPE)
                    .transform("dedup-plays", Streams.PLAY, new DedupRuns<Play>(p -> p.playId, Duplicates::merge))
                    .uid("dedup-plays")
                    .transform("classify-plays", Streams.PLAY, new ClassifyPlays(steps1to4))
                    .uid("classify-plays");
            grouped = byUser(keyedByUser(candidates, "key-candidates-by-user"))
                    .transform("group-user-plays", Streams.PLAY, new GroupUserPlays(ref.catalogue(), policy, pooled,
                            null))
                    .uid("group-user-plays");
            partials = validPlays.getSideOutput(Streams.PARTIALS).union(candidates.getSideOutput(Streams.PARTIALS));
        }
        partials = partials.union(grouped.getSideOutput(Streams.PARTIALS));
        DataStream<UserPoolPlays> userPools = grouped.getSideOutput(Streams.USER_POOLS);
        DataStream<PoolUser> poolUsers = grouped.getSideOutput(Streams.POOL_USERS);
        if (policy.thresholdOn()) {
            DataStream<TrackEligibility> verdicts = grouped.getSideOutput(Streams.PARTIALS)
                    .transform("decide-track-eligibility", Streams.ELIGIBILITY,
                            new DecideTrackEligibility(policy, historyStreams))
                    .uid("decide-track-eligibility").setParallelism(1).setMaxParallelism(1);
            // forward(): the settling stage relies on each user's plays arriving together, on the same worker.
            SingleOutputStreamOperator<Partial> settled = grouped.forward().connect(verdicts.broadcast())
                    .transform("settle-user-plays", Streams.PARTIAL, new SettleUserPlays(ref.catalogue(), policy,
                            pooled))
                    .uid("settle-user-plays");
            partials = partials.union(settled);
            userPools = settled.getSideOutput(Streams.USER_POOLS);
            poolUsers = settled.getSideOutput(Streams.POOL_USERS);
        }
        if (policy.computes(PaymentModel.USER_CENTRIC)) {
            DataStream<UserParts> parts = poolUsers
                    .transform("split-user-parts", Streams.USER_PARTS, new SplitUserParts(ref.period(), ref.pools()))
                    .uid("split-user-parts").setParallelism(1).setMaxParallelism(1);
            partials = partials.union(userPools.forward().connect(parts.broadcast())
                    .transform("pay-user-parts", Streams.PARTIAL, new PayUserParts(ref.catalogue()))
                    .uid("pay-user-parts"));
        }

        // ---- AI usage ----
        SingleOutputStreamOperator<Usage> validUsage = usage
                .transform("validate-ai-usage", Streams.USAGE, new ValidateEvents<>(EventContract.USAGE, ref.period()))
                .uid("validate-ai-usage");
        SingleOutputStreamOperator<dev.royalties.rules.AiViolation> violations = validUsage
                .keyBy(u -> ShuffleKeys.of(u.usageId), ShuffleKeys.TYPE)
                .transform("dedup-ai-usage", Streams.USAGE, new DedupRuns<Usage>(u -> u.usageId,
                        Duplicates::merge)).uid("dedup-ai-usage")
                .transform("account-ai-usage", Streams.VIOLATION, new AccountAiUsage(new AiLedger(ref.catalogue(),
                        ref.verdicts(), ref.consent(), ref.licensedPools())))
                .uid("account-ai-usage");
        partials = partials.union(validUsage.getSideOutput(Streams.PARTIALS),
                violations.getSideOutput(Streams.PARTIALS));

        // ---- money ----
        SingleOutputStreamOperator<ArtistPayment> payments = partials
                .transform("allocate-pools", Streams.PAYMENT, new AllocatePools(ref.period(), policy, ref.pools(),
                        ref.licences(), ref.catalogue(), previousPayments, sinks.recordingUsage()))
                .uid("allocate-pools")
                .setParallelism(1)
                .setMaxParallelism(1);

        sinks.payments(payments);
        sinks.reconciliation(payments.getSideOutput(Streams.RECONCILIATION));
        sinks.adjustments(payments.getSideOutput(Streams.ADJUSTMENTS));
        sinks.violations(violations);
        sinks.trackHistory(payments.getSideOutput(Streams.TRACK_HISTORY));
        if (!policy.compareModels().isEmpty()) {
            sinks.modelComparison(payments.getSideOutput(Streams.MODEL_COMPARISON));
        }
        sinks.quarantine(validated.getSideOutput(Streams.QUARANTINE)
                .union(validUsage.getSideOutput(Streams.QUARANTINE)));
        return payments.getSideOutput(Streams.SUMMARY);
    }

    /** Each play with the hashes of its ids, for the shuffle by user. */
    private static SingleOutputStreamOperator<UserPlayRecord> keyedByUser(SingleOutputStreamOperator<Play> plays,
                                                                         String name) {
        return plays.map(p -> UserPlayRecord.of(ShuffleKeys.hash(p.userId), ShuffleKeys.hash(p.playId), p),
                Streams.USER_PLAY_RECORD).name(name).uid(name);
    }

    /** The general pipeline works on plays: its reader hands every row over as one (columnar off). */
    private static Play asPlay(UserPlayRecord r) {
        if (r.play == null) {
            throw new IllegalStateException("the general pipeline needs plays read as objects"
                    + " (PlayColumnsFormat with columnar off)");
        }
        return r.play;
    }

    /**
     * Each user's plays to one worker, unsorted: {@link GroupUserPlays} groups them itself, which
     * costs far less than the sort a keyBy gets in BATCH mode. The hash of user_id travels with
     * the play, so the worker spills the play's bytes without building it first; the plays travel
     * packed in blocks of one worker's bucket ({@link PackUserPlays}), and the worker spills a block
     * as it came.
     */
    private static DataStream<UserPlayBlock> byUser(DataStream<UserPlayRecord> plays) {
        return toUsers(plays.transform("pack-user-plays", Streams.USER_PLAY_BLOCK, new PackUserPlays(workers(plays)))
                .uid("pack-user-plays"));
    }

    /** Blocks to the worker they were packed for. */
    private static DataStream<UserPlayBlock> toUsers(DataStream<UserPlayBlock> blocks) {
        return blocks.partitionCustom((Partitioner<Integer>) (route, n) -> route % n, block -> block.route);
    }

    /** The per-user stage's parallelism, which the packers pack for. */
    private static int workers(DataStream<?> plays) {
        return Math.max(1, plays.getExecutionEnvironment().getParallelism());
    }

    private static Set<String> pooledKeys(MonthlyReference ref) {
        Set<String> keys = new HashSet<>();
        for (Pool p : ref.pools()) {
            if (ref.period().toString().equals(p.period())) {
                keys.add(Allocation.poolKey(p.country(), p.product()));
            }
        }
        return keys;
    }
}
