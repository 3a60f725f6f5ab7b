package dev.royalties.jobs.live;

import dev.royalties.rules.Verdict;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * verdict_id is the key of fraud_verdicts, and a duplicate key stops the monthly run (spec §3). Keyed
 * by verdict_id: an exact repeat of a known verdict is dropped (it is the same fact), a different
 * verdict under a known id goes to quarantine. State: one verdict per verdict_id, kept for as long
 * as the archive keeps verdicts (verdicts are few: reference data, not events).
 */
public final class DedupVerdicts extends KeyedProcessFunction<String, Inbound, Verdict> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Verdict> known;

    @Override
    public void open(OpenContext ctx) {
        known = getRuntimeContext().getState(new ValueStateDescriptor<>("verdict", TypeInformation.of(Verdict.class)));
    }

    @Override
    public void processElement(Inbound in, Context ctx, Collector<Verdict> out) throws Exception {
        Verdict v = in.verdict;
        Verdict before = known.value();
        if (before == null) {
            known.update(v);
            out.collect(v);
        } else if (!before.equals(v)) {
            ctx.output(Validate.QUARANTINE, Quarantined.of(in,
                    "fraud_verdicts: duplicate verdict_id " + v.verdictId() + " with different content"));
        }
    }
}
