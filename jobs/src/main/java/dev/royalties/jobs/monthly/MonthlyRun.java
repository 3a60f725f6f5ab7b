package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.royalties.io.ParquetTableFormat;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.io.TimeRange;
import dev.royalties.jobs.ReaderCloseTimeout;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.ReferenceData;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import java.io.PrintStream;
import java.time.Instant;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The driver of the monthly run: checks options and reference data, picks the revision, runs the
 * Flink job into a staging folder, then promotes the outputs and writes the manifest last.
 * Nothing is visible to readers unless the whole run succeeded.
 */
public final class MonthlyRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tests and benchmarks only: {@code -Droyalties.plays-grouping=GENERAL} starts on the general pipeline. */
    static final String GROUPING_PROPERTY = "royalties.plays-grouping";

    /** What a finished run reports: its revision, manifest and where it wrote. */
    public record Result(int revision, JsonNode manifest, String output) {}

    private MonthlyRun() {}

    public static Result run(MonthlyOptions o, PrintStream log) throws Exception {
        Instant started = Instant.now();
        ReferenceLoader.checkRequiredInputs(o.input());
        // Run here, the cluster starts while the reference data is read, not after it.
        MonthlyPipeline.Grouping grouping = MonthlyPipeline.Grouping.valueOf(
                System.getProperty(GROUPING_PROPERTY, MonthlyPipeline.Grouping.USER_FIRST.name()));
        EmbeddedCluster cluster = EmbeddedCluster.startIfLocal(flinkConfig(o, grouping));
        try {
            return run(o, log, started, cluster, grouping);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static Result run(MonthlyOptions o, PrintStream log, Instant started, EmbeddedCluster firstCluster,
                              MonthlyPipeline.Grouping firstGrouping) throws Exception {
        ReferenceLoader.checkInputFiles(o);
        ReferenceData data = ReferenceLoader.load(o);
        MonthlyReference ref = MonthlyReference.of(data, o.period(), o.asOf(), o.policy());

        TrackHistory history = o.policy().minTrackStreams() > 0
                ? TrackHistory.read(o.history() == null ? o.output() : o.history(), o.period(), o.asOf())
                : TrackHistory.none();
        OutputLayout layout = new OutputLayout(o.output(), o.period());
        // Refused before the lock: a detached REST submission must leave nothing behind, not even a lock file.
        EmbeddedCluster cluster = firstCluster;
        EmbeddedCluster rerunCluster = null;
        MonthlyPipeline.Grouping grouping = firstGrouping;
        StreamExecutionEnvironment env = environment(cluster, o, grouping);
        refuseDetached(env.getConfiguration());
        RunLock lock = RunLock.acquire(o.output(), o.period(), o.waitSeconds(), log);
        Path staging = null;
        try {
            layout.discardAbandonedStaging(log);
            int previous = layout.latestComplete();
            int revision = previous + 1;
            lock.writing(revision);
            JsonNode report;
            while (true) {
                staging = layout.newStaging(revision);
                report = runJob(o, ref, history, layout, previous, revision, staging, grouping, env,
                        cluster != null, log);
                long crossUser = report.get("counters").path(CrossUserDuplicates.COUNTER).asLong(0);
                if (grouping == MonthlyPipeline.Grouping.GENERAL || crossUser == 0) {
                    break;
                }
                log.printf("%,d play_ids have copies under more than one user_id: running the period again on"
                        + " the general pipeline (de-duplicate by play_id first)%n", crossUser);
                layout.discard(staging);
                staging = null;
                grouping = MonthlyPipeline.Grouping.GENERAL;
                if (cluster != null) {
                    cluster = EmbeddedCluster.startIfLocal(flinkConfig(o, grouping)); // the first shut down with its job
                    rerunCluster = cluster;
                }
                env = environment(cluster, o, grouping);
            }

            lock.verify();
            for (TableSchema t : Tables.OUTPUTS) {
                if ((t != Tables.ADJUSTMENTS || revision > 1)
                        && (t != Tables.MODEL_COMPARISON || !o.policy().compareModels().isEmpty())) {
                    layout.promote(staging, t, revision);
                    CrashPoint.reach("promoting");
                }
            }
            CrashPoint.reach("before-manifest");
            ObjectNode manifest = manifest(o, ref, revision, previous, started, report, history);
            manifest.put("plays_grouping", grouping == MonthlyPipeline.Grouping.USER_FIRST ? "user_first" : "general");
            layout.writeManifest(revision, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            RunSummary.print(log, manifest, layout.root());
            return new Result(revision, manifest, layout.root());
        } finally {
            if (staging != null) {
                layout.discard(staging);
            }
            lock.close();
            if (rerunCluster != null) {
                rerunCluster.close();
            }
        }
    }

    /** The job's environment: the early embedded cluster's, or Flink's own (a cluster, a test's MiniCluster). */
    private static StreamExecutionEnvironment environment(EmbeddedCluster cluster, MonthlyOptions o,
                                                          MonthlyPipeline.Grouping grouping) {
        return cluster != null ? cluster.environment()
                : StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig(o, grouping));
    }


    /** Runs the Flink job into the staging folder and returns its summary. */
    private static JsonNode runJob(MonthlyOptions o, MonthlyReference ref, TrackHistory history, OutputLayout layout,
                                   int previous, int revision, Path staging, MonthlyPipeline.Grouping grouping,
                                   StreamExecutionEnvironment env, boolean earlyCluster, PrintStream log)
            throws Exception {
        // The indexes travel once, not inside each of the four operators that hold them (start-up).
        boolean embedded = earlyCluster || env instanceof LocalStreamEnvironment;
        try (AutoCloseable shared = StagedReference.pinAll(staging, embedded, ref.catalogue(), ref.consent(),
                ref.verdicts())) {
            return runPinned(o, ref, history, layout, previous, revision, staging, grouping, env, log);
        }
    }

    private static JsonNode runPinned(MonthlyOptions o, MonthlyReference ref, TrackHistory history,
                                      OutputLayout layout, int previous, int revision, Path staging,
                                      MonthlyPipeline.Grouping grouping, StreamExecutionEnvironment env,
                                      PrintStream log) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(o.parallelism());
        DataStream<UserPlayRecord> plays = read(env, o.input(), staging, Tables.PLAYS, new PlayColumnsFormat(
                ref.catalogue(), ref.period(), periodRange(o, "played_at"),
                grouping == MonthlyPipeline.Grouping.USER_FIRST));
        DataStream<Usage> usage = read(env, o.input(), staging, Tables.AI_USAGE,
                new ParquetTableFormat<>(Tables.AI_USAGE, Tables.USAGE, periodRange(o, "used_at"), Streams.USAGE));
        String previousPayments = previous == 0 ? null
                : layout.partition(Tables.ARTIST_PAYMENTS.name(), previous).toString();
        DataStream<String> summary = MonthlyPipeline.build(plays, usage, ref, history.streams(),
                previousPayments, new ParquetOutputSinks(staging.toString()), grouping);
        CloseableIterator<String> summaries = summary.collectAsync();
        RunProgress progress = RunProgress.of(new Path(o.input(), Tables.PLAYS.name()), periodRange(o, "played_at"));
        CrashPoint.reach("before-job");
        JobClient job = env.executeAsync("royalties monthly " + o.period() + " revision " + revision);
        progress.await(job, log, PROGRESS_MILLIS);
        JsonNode report = JSON.readTree(summaries.next());
        summaries.close();
        return report;
    }

    /**
     * The driver promotes the outputs and writes the manifest after the job: it must see the job
     * end. A detached submission inside the JobManager (REST /jars/run) cannot, so it is refused
     * before anything runs rather than leaving a job whose outputs nobody promotes.
     */
    private static void refuseDetached(org.apache.flink.configuration.ReadableConfig conf) {
        if (dev.royalties.jobs.Royalties.insideJobManager(conf) && !conf.get(DeploymentOptions.ATTACHED)) {
            throw new UsageException("monthly must run attached: it promotes its outputs and writes the manifest"
                    + " once the job has finished; submit with `flink run` (without -d) or run `java -jar`,"
                    + " not through the REST API's /jars/run");
        }
    }

    private static <T> DataStream<T> read(StreamExecutionEnvironment env, String input, Path staging,
                                          TableSchema table, BulkFormat<T, FileSourceSplit> format)
            throws Exception {
        Path dir = new Path(input, table.name());
        if (!dir.getFileSystem().exists(dir)) {
            // An optional table that is absent reads as empty (spec §2).
            dir = new Path(staging, "_absent/" + table.name());
            dir.getFileSystem().mkdirs(dir);
        }
        return env.fromSource(FileSource.forBulkFileFormat(format, dir).build(), WatermarkStrategy.noWatermarks(),
                "read-" + table.name()).uid("read-" + table.name());
    }

    private static TimeRange periodRange(MonthlyOptions o, String column) {
        return new TimeRange(column, o.period().startMicros(), o.period().endMicros());
    }

    /** How often a running job's progress line is printed. */
    private static final long PROGRESS_MILLIS = 15_000;

    static Configuration flinkConfig(MonthlyOptions o, MonthlyPipeline.Grouping grouping) {
        Configuration conf = o.flinkConf() == null ? new Configuration()
                : GlobalConfiguration.loadConfiguration(o.flinkConf());
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        // Chained operators hand records on without a copy: every operator of the job either reads a
        // record and lets go of it, or keeps only what it deserialized itself (the per-user runs).
        conf.set(org.apache.flink.configuration.PipelineOptions.OBJECT_REUSE, true);
        // Only used when the job runs embedded: the sorts of the keyed shuffles spill beyond this. The
        // general pipeline sorts every play in it; the user-first one only the AI usage, and each of its
        // sorts allocates its slot's share whole, in 32 KB pieces: 512 MB took a quarter of the AI
        // usage's CPU, after the per-user stage (docs/performance.md, fifteenth pass).
        if (!conf.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(
                    grouping == MonthlyPipeline.Grouping.GENERAL ? "1g" : "256m"));
        }
        if (!conf.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            conf.set(TaskManagerOptions.NUM_TASK_SLOTS, o.parallelism());
        }
        return ReaderCloseTimeout.applyTo(conf);
    }


    private static ObjectNode manifest(MonthlyOptions o, MonthlyReference ref, int revision, int previous,
                                       Instant started, JsonNode report, TrackHistory history) {
        ObjectNode m = JSON.createObjectNode();
        m.put("period", o.period().toString());
        m.put("revision", revision);
        m.put("previous_revision", previous == 0 ? null : previous);
        m.put("as_of", Times.iso(o.asOf()));
        ObjectNode policy = m.putObject("policy").put("min_play_ms", o.policy().minPlayMs())
                .put("user_monthly_cap", o.policy().userMonthlyCap())
                .put("min_track_streams", o.policy().minTrackStreams())
                .put("min_track_listeners", o.policy().minTrackListeners())
                .put("model", o.policy().model().label())
                .put("professional_streams", o.policy().professionalStreams())
                .put("professional_listeners", o.policy().professionalListeners());
        var compared = policy.putArray("compare_models");
        o.policy().compareModels().forEach(x -> compared.add(x.label()));
        if (o.policy().minTrackStreams() > 0) {
            ObjectNode h = m.putObject("history");
            h.put("folder", o.history() == null ? o.output() : o.history());
            ObjectNode read = h.putObject("revisions_read");
            history.revisionsRead().forEach(read::put);
            var missing = h.putArray("missing_periods");
            history.missing().forEach(missing::add);
            h.put("missing", history.missingRanges());
        }
        m.put("input", o.input());
        m.put("consent_source", o.consentJdbc() == null ? "files" : "jdbc " + o.consentJdbc().table());
        m.put("parallelism", o.parallelism());
        m.put("started_at", started.toString());
        m.put("finished_at", Instant.now().toString());
        ObjectNode refRows = m.putObject("reference_rows");
        ReferenceData d = ref.raw();
        refRows.put("tracks", d.tracks().size()).put("track_rights", d.rights().size())
                .put("revenue_pools", d.pools().size()).put("fraud_verdicts", d.verdicts().size())
                .put("fraud_verdicts_known_at_as_of", ref.verdicts().knownCount())
                .put("ai_consent", d.consents().size()).put("ai_licences", d.licences().size());
        m.set("input_counts", report.get("counters"));
        m.set("plays_by_status", report.get("plays_by_status"));
        m.set("unpooled_plays_by_status", report.get("unpooled_plays_by_status"));
        m.set("output_rows", report.get("output_rows"));
        m.set("totals_per_currency", report.get("totals_per_currency"));
        m.set("pools", report.get("pools"));
        m.set("professional_artists", report.get("professional_artists"));
        m.set("models", report.get("models"));
        return m;
    }
}
