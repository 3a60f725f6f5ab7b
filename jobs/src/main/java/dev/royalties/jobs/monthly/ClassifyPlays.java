package dev.royalties.jobs.monthly;

import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.Play;

/**
 * The general pipeline's steps 1-4 ({@link CandidatePlays}) on plays de-duplicated by play_id;
 * candidates go on, keyed by user, to {@link GroupUserPlays}.
 */
final class ClassifyPlays extends EndOfInputOperator<Play, Play> {
    private static final long serialVersionUID = 1L;

    private final CandidatePlays candidates;
    private transient CatalogueLedger ledger;

    ClassifyPlays(CandidatePlays candidates) {
        this.candidates = candidates;
    }

    @Override
    public void open() throws Exception {
        super.open();
        ledger = candidates.newLedger();
        candidates.open(ledger);
    }

    @Override
    protected void onElement(Play p) {
        if (candidates.passes(p)) {
            emit(p);
        }
    }

    @Override
    protected void onEnd() {
        Partial.send(ledger, p -> emit(Streams.PARTIALS, p));
        emit(Streams.PARTIALS, candidates.duplicates());
    }

    @Override
    protected void release() {
        ledger = null;
        candidates.release();
    }
}
