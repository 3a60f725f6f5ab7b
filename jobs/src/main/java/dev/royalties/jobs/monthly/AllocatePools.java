package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.royalties.io.TableFiles;
import dev.royalties.io.Tables;
import dev.royalties.rules.Adjustment;
import dev.royalties.rules.Adjustments;
import dev.royalties.rules.AiTally;
import dev.royalties.rules.Allocation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.Licence;
import dev.royalties.rules.Money;
import dev.royalties.rules.Period;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.Pool;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.ArtistCentric;
import dev.royalties.rules.CodePoints;
import dev.royalties.rules.ModelComparison;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Policy;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.RecordingUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.core.fs.Path;

/**
 * The single place where money is computed: merges every worker's tallies and splits each pool
 * (spec §8), then compares with the previous complete revision for adjustments. Runs with
 * parallelism 1 on a few thousand tallies, not on plays.
 */
final class AllocatePools extends EndOfInputOperator<Partial, ArtistPayment> {
    private static final long serialVersionUID = 1L;

    private final Period period;
    private final List<Pool> pools;
    private final List<Licence> licences;
    private final Catalogue catalogue;
    private final String previousPayments;
    private final Policy policy;
    /**
     * recording_usage is written as this many files, balanced by their pools' tallies, each by a thread
     * of its own: one file was 2.7 CPU-seconds of a tail that ran on one core at the end (issue 10).
     * A constant, not the machine's cores, so that every machine writes the same files.
     */
    static final int RECORDING_USAGE_PARTS = 2;
    private final TableFile<RecordingUsage.Row> recordingUsageFile;
    /** Set when onEnd leaves, however it leaves: the recording_usage writer then stops too. */
    private transient AtomicBoolean stopping;
    private transient CatalogueLedger plays;
    private transient List<AiTally> ai;
    private transient Map<String, Long> counters;
    private transient Map<String, TrackListening> listening;
    private transient Map<String, Long> artistListeners;
    private transient Map<String, Map<String, Long>> userCentricCents; // pool -> artist ("" = held) -> cents

    /** @param previousPayments the artist_payments folder of the previous complete revision, or null */
    AllocatePools(Period period, Policy policy, List<Pool> pools, List<Licence> licences, Catalogue catalogue,
                  String previousPayments, TableFile<RecordingUsage.Row> recordingUsageFile) {
        this.policy = policy;
        this.period = period;
        this.pools = new ArrayList<>(pools);
        this.licences = new ArrayList<>(licences);
        this.catalogue = catalogue;
        this.previousPayments = previousPayments;
        this.recordingUsageFile = recordingUsageFile;
    }

    @Override
    public void open() throws Exception {
        super.open();
        plays = new CatalogueLedger(catalogue); // tallies of catalogue tracks arrive with their index
        ai = new ArrayList<>();
        counters = new TreeMap<>();
        listening = new HashMap<>();
        artistListeners = new HashMap<>();
        userCentricCents = new HashMap<>();
        stopping = new AtomicBoolean();
    }

    @Override
    protected void onElement(Partial p) {
        if (p.run != null) {
            plays.add(p.run);
        } else if (p.plays != null) {
            for (PlayTally t : p.plays) {
                plays.add(PartialSerializer.withTrackId(t, catalogue));
            }
        } else if (p.ai != null) {
            ai.add(p.ai);
        } else if (p.track != null) {
            TrackListening t = listening.computeIfAbsent(p.track.trackId, k -> new TrackListening(k, 0, 0));
            t.streams += p.track.streams;
            t.listeners += p.track.listeners;
        } else if (p.listeners != null) {
            artistListeners.merge(p.listeners.artistId, p.listeners.listeners, Long::sum);
        } else if (p.poolCents != null) {
            userCentricCents.computeIfAbsent(Allocation.poolKey(p.poolCents.country, p.poolCents.product),
                    k -> new HashMap<>()).merge(p.poolCents.artistId == null ? "" : p.poolCents.artistId,
                    p.poolCents.cents, Long::sum);
        } else {
            counters.merge(p.counter, p.value, Long::sum);
        }
    }

    @Override
    protected void onEnd() throws Exception {
        Allocation.ModelInputs inputs = modelInputs();
        LinkedHashMap<PaymentModel, List<ArtistPayment>> byModel = new LinkedHashMap<>();
        Allocation.Result result = null;
        CatalogueLedger.Snapshot tallies = plays.snapshot(); // each pool's tallies made once, for all that follows
        for (PaymentModel m : policy.models()) {
            Allocation.Result r = Allocation.allocate(period, pools, licences, catalogue, tallies, ai, m, inputs);
            byModel.put(m, r.payments());
            if (m == policy.model()) {
                result = r;
            }
        }
        // recording_usage is computed and written by threads of their own, one part file each, while
        // this one writes the payments and the rest: the allocation is the run's serial tail (TableFile).
        ExecutorService writing = threads("write-recording_usage", RECORDING_USAGE_PARTS);
        try {
            List<List<RecordingUsagePool>> byPart = BalancedParts.split(recordingUsage(result, inputs, tallies),
                    RECORDING_USAGE_PARTS, RecordingUsagePool::tallies);
            List<CompletableFuture<Integer>> parts = new ArrayList<>();
            for (int i = 0; i < byPart.size(); i++) {
                int part = i;
                parts.add(CompletableFuture.supplyAsync(() -> write(part, byPart.get(part)), writing));
            }
            result.payments().forEach(this::emit);
            List<ModelComparison.Row> comparison = policy.compareModels().isEmpty() ? List.of()
                    : ModelComparison.rows(byModel);
            comparison.forEach(r -> emit(Streams.MODEL_COMPARISON, r));
            List<TrackListening> history = new ArrayList<>(listening.values());
            history.sort(Comparator.comparing((TrackListening t) -> t.trackId, CodePoints.ORDER));
            history.forEach(t -> emit(Streams.TRACK_HISTORY, t));
            result.pools().forEach(r -> emit(Streams.RECONCILIATION, r));
            int adjustments = adjustments(result);
            emit(Streams.SUMMARY, summary(result, adjustments, inputs, byModel, history.size(),
                    parts.stream().mapToInt(AllocatePools::joined).sum(), comparison.size()));
        } finally {
            stopping.set(true);
            writing.shutdown();
            // No writer outlives the operator (a retried task must not meet the old one's thread).
            writing.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /**
     * Computes and writes one part's recording_usage rows in pool order, one pool at a time, so that
     * only the pool being written is held: computed ahead by a thread of their own, the 2.2 M rows
     * of the 20 M month lived long enough for young collections to copy them (GC log, issue 10).
     * Returns their number.
     */
    private int write(int part, List<RecordingUsagePool> pools) {
        int rows = 0;
        try (TableFile.Writer<RecordingUsage.Row> out = recordingUsageFile.open(part)) {
            for (RecordingUsagePool pool : pools) {
                if (stopping.get()) {
                    throw new CancellationException("the allocation stopped");
                }
                for (RecordingUsage.Row row : pool.rows().get()) {
                    out.write(row);
                    rows++;
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording_usage: " + e.getMessage(), e);
        }
        return rows;
    }

    private int adjustments(Allocation.Result result) throws IOException {
        int adjustments = 0;
        if (previousPayments != null) {
            List<ArtistPayment> before = TableFiles.readAll(new Path(previousPayments), Tables.ARTIST_PAYMENTS,
                    Tables.PAYMENT);
            for (Adjustment a : Adjustments.between(before, result.payments())) {
                emit(Streams.ADJUSTMENTS, a);
                adjustments++;
            }
        }
        return adjustments;
    }

    @Override
    protected void release() {
        plays = null;
        ai = null;
        listening = null;
        artistListeners = null;
        userCentricCents = null;
    }

    private Allocation.ModelInputs modelInputs() {
        Set<String> professionals = policy.computes(PaymentModel.ARTIST_CENTRIC)
                ? ArtistCentric.professionals(plays.all(), catalogue, artistListeners, policy) : Set.of();
        Map<String, Allocation.UserCentricPool> userCentric = new HashMap<>();
        userCentricCents.forEach((pool, byArtist) -> {
            Map<String, Long> artists = new HashMap<>(byArtist);
            Long held = artists.remove("");
            userCentric.put(pool, new Allocation.UserCentricPool(artists, held == null ? 0 : held));
        });
        return new Allocation.ModelInputs(professionals, userCentric);
    }

    /**
     * recording_usage: each catalogue pool's allocated amount over its recordings, weighed as the
     * paying model weighs them (user-centric: by eligible plays, as pro-rata; docs/statements.md).
     * The pools' tallies are read here, on the operator's thread (the ledger is not shared); each
     * pool's rows are computed by whoever asks for them, in pool order.
     */
    private List<RecordingUsagePool> recordingUsage(Allocation.Result result, Allocation.ModelInputs inputs,
                                                    CatalogueLedger.Snapshot ledger) {
        List<RecordingUsagePool> rows = new ArrayList<>();
        for (PoolReconciliation r : result.pools()) {
            if ("catalogue".equals(r.source())) {
                var tallies = ledger.tallies(r.country(), r.product());
                rows.add(new RecordingUsagePool(tallies.size(), () -> policy.model() == PaymentModel.ARTIST_CENTRIC
                        ? RecordingUsage.forPool(r, tallies, artistCentricWeights(tallies, inputs), catalogue)
                        : RecordingUsage.forPool(r, tallies, catalogue)));
            }
        }
        return rows;
    }

    /** A pool's recording_usage rows, computed when asked for; a pool has a row per tally at most. */
    private record RecordingUsagePool(long tallies, Supplier<List<RecordingUsage.Row>> rows) {}

    /**
     * Daemon threads for the tail's side work. Not CompletableFuture's default executor: on two
     * cores the common pool has one thread, and CompletableFuture then starts a thread per task.
     */
    private static ExecutorService threads(String name, int count) {
        AtomicInteger started = new AtomicInteger();
        return Executors.newFixedThreadPool(count, task -> {
            Thread t = new Thread(task, name + "-" + started.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool's rows, or the reason they could not be computed, as if computed on this thread. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Artist-centric's recording weights; pro-rata's (also user-centric's) come with the counts. */
    private Map<String, Long> artistCentricWeights(java.util.Collection<PlayTally> tallies,
                                                   Allocation.ModelInputs inputs) {
        Map<String, Long> w = new HashMap<>();
        for (PlayTally t : tallies) {
            Catalogue.Credits credits = catalogue.credits(t.trackId);
            if (t.eligible() > 0 && credits != null) {
                long sum = 0;
                for (int i = 0; i < credits.artists().length; i++) {
                    sum += Allocation.weight(PaymentModel.ARTIST_CENTRIC, t, credits.artists()[i],
                            credits.shareMicros()[i], inputs.professionals());
                }
                w.put(t.trackId, sum);
            }
        }
        return w;
    }

    private String summary(Allocation.Result result, int adjustments, Allocation.ModelInputs inputs,
                           LinkedHashMap<PaymentModel, List<ArtistPayment>> byModel, int historyRows,
                           int recordings, int comparisonRows) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("professional_artists", inputs.professionals().size());
        var models = root.putArray("models");
        for (ModelComparison.Concentration c : ModelComparison.concentration(byModel, policy.model())) {
            models.addObject().put("model", c.model()).put("currency", c.currency()).put("artists", c.artists())
                    .put("catalogue_amount", Money.format(c.totalCents()))
                    .put("top_1pct_amount", Money.format(c.top1PctCents()))
                    .put("top_10pct_amount", Money.format(c.top10PctCents()))
                    .put("artists_changed_over_10pct", c.changedOver10Pct());
        }
        ObjectNode c = root.putObject("counters");
        counters.forEach(c::put);
        ObjectNode status = root.putObject("plays_by_status");
        ObjectNode unpooled = root.putObject("unpooled_plays_by_status");
        for (PlayStatus s : PlayStatus.values()) {
            status.put(s.label(), result.playsByStatus()[s.ordinal()]);
            unpooled.put(s.label(), result.unpooledPlaysByStatus()[s.ordinal()]);
        }
        Map<String, long[]> totals = new TreeMap<>();
        var poolsNode = root.putArray("pools");
        for (PoolReconciliation r : result.pools()) {
            ObjectNode p = poolsNode.addObject();
            p.put("source", r.source()).put("country", r.country()).put("product", r.product())
                    .put("licensee_id", r.licenseeId()).put("currency", r.currency())
                    .put("pool_amount", Money.format(r.poolCents()))
                    .put("allocated_amount", Money.format(r.allocatedCents()))
                    .put("held_amount", Money.format(r.heldCents()))
                    .put("eligible_units", r.eligibleUnits());
            long[] t = totals.computeIfAbsent(r.currency(), k -> new long[3]);
            t[0] += r.poolCents();
            t[1] += r.allocatedCents();
            t[2] += r.heldCents();
        }
        ObjectNode totalsNode = root.putObject("totals_per_currency");
        totals.forEach((cur, t) -> totalsNode.putObject(cur).put("pool_amount", Money.format(t[0]))
                .put("allocated_amount", Money.format(t[1])).put("held_amount", Money.format(t[2])));
        ObjectNode rows = root.putObject("output_rows");
        rows.put("artist_payments", result.payments().size());
        rows.put("pool_reconciliation", result.pools().size());
        rows.put("adjustments", adjustments);
        rows.put("track_history", historyRows);
        if (!policy.compareModels().isEmpty()) {
            rows.put("model_comparison", comparisonRows);
        }
        rows.put("recording_usage", recordings);
        rows.put("ai_violations", counters.getOrDefault("ai_violations.rows", 0L));
        rows.put("quarantine", counters.getOrDefault("plays.quarantined", 0L)
                + counters.getOrDefault("ai_usage.quarantined", 0L));
        return root.toString();
    }
}
