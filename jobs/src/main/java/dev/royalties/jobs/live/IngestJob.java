package dev.royalties.jobs.live;

import dev.royalties.rules.Play;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The live path as a dataflow, with its sources and sinks injected (Kafka, files and PostgreSQL in
 * production and in the integration tests alike; see {@link IngestCommand} for the real wiring).
 *
 * <pre>
 *  plays (kafka) ─ validate plays ─┬─ archive plays (parquet)
 *                                  └─ accrue eligible plays ◄─ verdicts (user: keyed; play/track: broadcast)
 *                                        └─ count accruals ─ live_accruals (postgresql upsert)
 *  ai-usage (kafka) ─ validate usage ─ archive ai_usage
 *  fraud-verdicts (kafka) ─ validate verdicts ─ dedup verdicts ─ archive fraud_verdicts
 *  every rejected message ─ quarantine (archive _quarantine/, and a Kafka topic when configured)
 * </pre>
 */
public final class IngestJob {
    public static final String PLAYS = "plays";
    public static final String USAGE = "ai_usage";
    public static final String VERDICTS = "fraud_verdicts";
    /**
     * The accrual operator's uid; "-v3" since its state is one {@link UserPlays} per user (state of
     * earlier versions cannot be restored into it).
     */
    static final String ACCRUE_UID = "accrue-eligible-plays-v3";
    /** "-v2" since counts are keyed by {@link AccrualKey} (one state value per key, not three). */
    static final String COUNT_UID = "count-accruals-v2";

    private IngestJob() {}

    public record Sources(Source<Inbound, ?, ?> plays, Source<Inbound, ?, ?> usage, Source<Inbound, ?, ?> verdicts) {}

    /** quarantineTopic and accruals may be null (not configured). */
    public record Sinks(Sink<Play> plays, Sink<Usage> usage, Sink<Verdict> verdicts,
                        Sink<Quarantined> quarantineFiles, Sink<Quarantined> quarantineTopic,
                        AccrualsJdbc.Output accruals) {}

    /**
     * Builds the job on env.
     *
     * @param rules the catalogue and policy for live accruals; null when accruals are off
     * @param playTap applied to the valid plays before they are archived and accrued (identity in
     *     production; the fault test injects a failure there)
     */
    public static void workflow(StreamExecutionEnvironment env, Sources sources, Sinks sinks, IngestSettings settings,
                                LiveRules rules, UnaryOperator<DataStream<Play>> playTap) {
        WatermarkStrategy<Inbound> watermarks = watermarks(settings);

        SingleOutputStreamOperator<Play> validPlays = env
                .fromSource(sources.plays(), watermarks, "plays (kafka)").uid("source-plays")
                .process(new Validate.Plays()).name("validate plays").uid("validate-plays");
        SingleOutputStreamOperator<Usage> validUsage = env
                .fromSource(sources.usage(), watermarks, "ai-usage (kafka)").uid("source-ai-usage")
                .process(new Validate.UsageRows()).name("validate ai usage").uid("validate-ai-usage");
        SingleOutputStreamOperator<Inbound> checkedVerdicts = env
                .fromSource(sources.verdicts(), watermarks, "fraud-verdicts (kafka)").uid("source-fraud-verdicts")
                .process(new Validate.Verdicts()).name("validate verdicts").uid("validate-verdicts");
        SingleOutputStreamOperator<Verdict> verdicts = checkedVerdicts
                .keyBy(in -> in.verdict.verdictId())
                .process(new DedupVerdicts()).name("dedup verdicts by verdict_id").uid("dedup-verdicts");

        DataStream<Play> plays = playTap.apply(validPlays);
        plays.sinkTo(sinks.plays()).name("archive plays (parquet)").uid("archive-plays");
        validUsage.sinkTo(sinks.usage()).name("archive ai_usage (parquet)").uid("archive-ai-usage");
        verdicts.sinkTo(sinks.verdicts()).name("archive fraud_verdicts (parquet)").uid("archive-fraud-verdicts");

        DataStream<Quarantined> quarantine = validPlays.getSideOutput(Validate.QUARANTINE)
                .union(validUsage.getSideOutput(Validate.QUARANTINE),
                        checkedVerdicts.getSideOutput(Validate.QUARANTINE),
                        verdicts.getSideOutput(Validate.QUARANTINE));
        quarantine.sinkTo(sinks.quarantineFiles()).name("archive _quarantine (parquet)").uid("archive-quarantine");
        if (sinks.quarantineTopic() != null) {
            quarantine.sinkTo(sinks.quarantineTopic()).name("quarantine (kafka)").uid("quarantine-topic");
        }

        if (rules != null && sinks.accruals() != null) {
            DataStream<UserEvent> userEvents = plays
                    .map(UserEvent::of).returns(LiveTypes.USER_EVENT).name("plays by user")
                    .union(verdicts
                            .filter(v -> "user".equals(v.subjectType())).name("verdicts on users")
                            .map(UserEvent::of).returns(LiveTypes.USER_EVENT).name("user verdicts by user"));
            BroadcastStream<Verdict> shared = verdicts
                    .filter(v -> !"user".equals(v.subjectType())).name("verdicts on plays and tracks")
                    .broadcast(AccrueEligiblePlays.BROADCAST_VERDICTS);
            DataStream<AccrualBatch> accruals = userEvents
                    .keyBy(UserEvent::userId)
                    .connect(shared)
                    .process(new AccrueEligiblePlays(rules, settings.retentionMs()), LiveTypes.ACCRUAL_DELTA)
                    .name("accrue eligible plays").uid(ACCRUE_UID)
                    .keyBy(AccrualDelta::key, LiveTypes.ACCRUAL_KEY)
                    .transform("count accruals per day, artist, country, product", LiveTypes.ACCRUAL_BATCH,
                            new CountAccruals(settings.retentionMs(), settings.flushIntervalMs()))
                    .uid(COUNT_UID);
            sinks.accruals().attach(accruals);
        }
    }

    /**
     * Event time from the row itself (played_at, used_at, decided_at), per Kafka partition, with
     * idleness; rows without one (unreadable) take the Kafka record time. Watermarks never drop
     * anything here: the archive buckets by the row's own day, and the accruals take late plays
     * until their day leaves the retention window.
     */
    static WatermarkStrategy<Inbound> watermarks(IngestSettings s) {
        long maxFutureMs = s.maxFutureMs();
        return WatermarkStrategy.<Inbound>forBoundedOutOfOrderness(Duration.ofMillis(s.outOfOrdernessMs()))
                .withTimestampAssigner((in, kafkaTs) -> eventMillis(in, maxFutureMs))
                .withIdleness(Duration.ofMillis(s.idlenessMs()));
    }

    static long eventMillis(Inbound in, long maxFutureMs) {
        long micros = in.eventMicros();
        long t = micros == Long.MIN_VALUE ? in.kafkaTimestamp : Math.floorDiv(micros, 1_000L);
        if (in.kafkaTimestamp >= 0 && t > in.kafkaTimestamp + maxFutureMs) {
            t = in.kafkaTimestamp + maxFutureMs;
        }
        return t;
    }
}
