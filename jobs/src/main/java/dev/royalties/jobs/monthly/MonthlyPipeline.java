package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiLedger;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Duplicates;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.Usage;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The monthly workflow (spec §3 to §9) over injected sources and sinks. One pass over the plays:
 * validate, de-duplicate (keyed by play_id), classify and count locally; only with a user cap do
 * the surviving plays take a second shuffle, keyed by user. Everything that reaches the single
 * allocation operator is already aggregated.
 */
public final class MonthlyPipeline {
    private MonthlyPipeline() {}

    /** Wires the job and returns the run summary (one JSON document) for the driver to collect. */
    public static DataStream<String> build(DataStream<Play> plays, DataStream<Usage> usage, MonthlyReference ref,
                                           String previousPayments, OutputSinks sinks) {
        // ---- catalogue streams ----
        SingleOutputStreamOperator<Play> validPlays = plays
                .transform("validate-plays", Streams.PLAY, new ValidateEvents<>(EventContract.PLAYS, ref.period()))
                .uid("validate-plays");
        SingleOutputStreamOperator<Play> candidates = validPlays
                .keyBy(p -> ShuffleKeys.of(p.playId), ShuffleKeys.TYPE)
                .reduce(Duplicates::merge).name("dedup-plays").uid("dedup-plays")
                .transform("classify-plays", Streams.PLAY, new ClassifyPlays(
                        new PlayClassifier(ref.verdicts(), ref.catalogue(), ref.policy())))
                .uid("classify-plays");
        DataStream<Partial> partials = validPlays.getSideOutput(Streams.PARTIALS)
                .union(candidates.getSideOutput(Streams.PARTIALS));
        if (ref.policy().capped()) {
            partials = partials.union(candidates
                    .keyBy(p -> ShuffleKeys.of(p.userId), ShuffleKeys.TYPE)
                    .process(new ApplyUserCap(ref.policy().userMonthlyCap())).name("apply-user-cap")
                    .uid("apply-user-cap")
                    .transform("merge-capped-tallies", Streams.PARTIAL, new MergeTallies())
                    .uid("merge-capped-tallies"));
        }

        // ---- AI usage ----
        SingleOutputStreamOperator<Usage> validUsage = usage
                .transform("validate-ai-usage", Streams.USAGE, new ValidateEvents<>(EventContract.USAGE, ref.period()))
                .uid("validate-ai-usage");
        SingleOutputStreamOperator<dev.royalties.rules.AiViolation> violations = validUsage
                .keyBy(u -> ShuffleKeys.of(u.usageId), ShuffleKeys.TYPE)
                .reduce(Duplicates::merge).name("dedup-ai-usage").uid("dedup-ai-usage")
                .transform("account-ai-usage", Streams.VIOLATION, new AccountAiUsage(new AiLedger(ref.catalogue(),
                        ref.verdicts(), ref.consent(), ref.licensedPools())))
                .uid("account-ai-usage");
        partials = partials.union(validUsage.getSideOutput(Streams.PARTIALS),
                violations.getSideOutput(Streams.PARTIALS));

        // ---- money ----
        SingleOutputStreamOperator<ArtistPayment> payments = partials
                .transform("allocate-pools", Streams.PAYMENT, new AllocatePools(ref.period(), ref.pools(),
                        ref.licences(), ref.catalogue(), previousPayments))
                .uid("allocate-pools")
                .setParallelism(1)
                .setMaxParallelism(1);

        sinks.payments(payments);
        sinks.reconciliation(payments.getSideOutput(Streams.RECONCILIATION));
        sinks.adjustments(payments.getSideOutput(Streams.ADJUSTMENTS));
        sinks.recordingUsage(payments.getSideOutput(Streams.RECORDING_USAGE));
        sinks.violations(violations);
        sinks.quarantine(validPlays.getSideOutput(Streams.QUARANTINE)
                .union(validUsage.getSideOutput(Streams.QUARANTINE)));
        return payments.getSideOutput(Streams.SUMMARY);
    }
}
