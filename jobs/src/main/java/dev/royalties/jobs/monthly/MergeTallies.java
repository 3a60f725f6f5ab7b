package dev.royalties.jobs.monthly;

import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PlayTally;

/** Combines the per-user tallies of {@link ApplyUserCap} into one set per worker. */
final class MergeTallies extends EndOfInputOperator<PlayTally, Partial> {
    private static final long serialVersionUID = 1L;

    private transient CatalogueLedger ledger;

    @Override
    public void open() throws Exception {
        super.open();
        ledger = new CatalogueLedger();
    }

    @Override
    protected void onElement(PlayTally t) {
        ledger.add(t);
    }

    @Override
    protected void onEnd() {
        for (PlayTally t : ledger.all()) {
            emit(Partial.of(t));
        }
    }
}
