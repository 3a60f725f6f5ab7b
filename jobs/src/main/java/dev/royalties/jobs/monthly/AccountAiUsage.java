package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiLedger;
import dev.royalties.rules.AiTally;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.Usage;

/** Spec §5 on de-duplicated usage rows: violations flow out, pool tallies are sent at the end. */
final class AccountAiUsage extends EndOfInputOperator<Usage, AiViolation> {
    private static final long serialVersionUID = 1L;

    private final AiLedger template;
    private transient AiLedger ledger;
    private long duplicates;
    private long violations;

    AccountAiUsage(AiLedger emptyLedger) {
        this.template = emptyLedger;
    }

    @Override
    public void open() throws Exception {
        super.open();
        ledger = template.emptyCopy();
    }

    @Override
    protected void onElement(Usage u) {
        duplicates += u.copies - 1;
        ledger.record(u, v -> {
            violations++;
            emit(v);
        });
    }

    @Override
    protected void onEnd() {
        for (AiTally t : ledger.tallies()) {
            emit(Streams.PARTIALS, Partial.of(t));
        }
        emit(Streams.PARTIALS, Partial.counter("ai_usage.duplicates", duplicates));
        emit(Streams.PARTIALS, Partial.counter("ai_usage.unlicensed_rows", ledger.unlicensedRows()));
        emit(Streams.PARTIALS, Partial.counter("ai_violations.rows", violations));
    }

    @Override
    protected void release() {
        ledger = null;
    }
}
