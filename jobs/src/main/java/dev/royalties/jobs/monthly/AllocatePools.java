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
import dev.royalties.rules.Pool;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.RecordingUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private transient CatalogueLedger plays;
    private transient List<AiTally> ai;
    private transient Map<String, Long> counters;

    /** @param previousPayments the artist_payments folder of the previous complete revision, or null */
    AllocatePools(Period period, List<Pool> pools, List<Licence> licences, Catalogue catalogue,
                  String previousPayments) {
        this.period = period;
        this.pools = new ArrayList<>(pools);
        this.licences = new ArrayList<>(licences);
        this.catalogue = catalogue;
        this.previousPayments = previousPayments;
    }

    @Override
    public void open() throws Exception {
        super.open();
        plays = new CatalogueLedger();
        ai = new ArrayList<>();
        counters = new TreeMap<>();
    }

    @Override
    protected void onElement(Partial p) {
        if (p.play != null) {
            plays.add(p.play);
        } else if (p.ai != null) {
            ai.add(p.ai);
        } else {
            counters.merge(p.counter, p.value, Long::sum);
        }
    }

    @Override
    protected void onEnd() throws Exception {
        Allocation.Result result = Allocation.allocate(period, pools, licences, catalogue, plays, ai);
        result.payments().forEach(this::emit);
        result.pools().forEach(r -> emit(Streams.RECONCILIATION, r));
        int recordings = emitRecordingUsage(result);
        int adjustments = 0;
        if (previousPayments != null) {
            List<ArtistPayment> before = TableFiles.readAll(new Path(previousPayments), Tables.ARTIST_PAYMENTS,
                    Tables.PAYMENT);
            for (Adjustment a : Adjustments.between(before, result.payments())) {
                emit(Streams.ADJUSTMENTS, a);
                adjustments++;
            }
        }
        emit(Streams.SUMMARY, summary(result, adjustments, recordings));
    }

    /** recording_usage: each catalogue pool's allocated amount over its recordings (pro-rata weights). */
    private int emitRecordingUsage(Allocation.Result result) {
        int n = 0;
        for (PoolReconciliation r : result.pools()) {
            if ("catalogue".equals(r.source())) {
                var tallies = plays.pool(r.country(), r.product()).values();
                for (RecordingUsage.Row row : RecordingUsage.forPool(r, tallies,
                        RecordingUsage.proRataWeights(tallies), catalogue)) {
                    emit(Streams.RECORDING_USAGE, row);
                    n++;
                }
            }
        }
        return n;
    }

    private String summary(Allocation.Result result, int adjustments, int recordings) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
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
        rows.put("recording_usage", recordings);
        rows.put("ai_violations", counters.getOrDefault("ai_violations.rows", 0L));
        rows.put("quarantine", counters.getOrDefault("plays.quarantined", 0L)
                + counters.getOrDefault("ai_usage.quarantined", 0L));
        return root.toString();
    }
}
