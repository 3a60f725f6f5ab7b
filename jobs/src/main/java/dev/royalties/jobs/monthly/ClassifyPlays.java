package dev.royalties.jobs.monthly;

import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.PlayStatus;
import dev.royalties.rules.PlayTally;

/**
 * Steps 1-4 of spec §4 on de-duplicated plays, counted locally. Plays that pass go on, keyed by
 * user, to {@link GroupUserPlays} (listeners, threshold, cap); so do unmatched plays when
 * user-centric is computed, since they are their user's held bucket.
 */
final class ClassifyPlays extends EndOfInputOperator<Play, Play> {
    private static final long serialVersionUID = 1L;

    private final PlayClassifier classifier;
    private final boolean userCentric;
    private transient CatalogueLedger ledger;
    private long duplicates;

    ClassifyPlays(PlayClassifier classifier) {
        this.classifier = classifier;
        this.userCentric = classifier.policy().computes(PaymentModel.USER_CENTRIC);
    }

    @Override
    public void open() throws Exception {
        super.open();
        ledger = new CatalogueLedger();
    }

    @Override
    protected void onElement(Play p) {
        duplicates += p.copies - 1;
        PlayStatus status = classifier.statusBeforeCap(p);
        if (status == PlayStatus.ELIGIBLE) {
            emit(p);
            return;
        }
        ledger.count(p.country, p.product, p.trackId, status, 1);
        if (status == PlayStatus.UNMATCHED && userCentric) {
            emit(p);
        }
    }

    @Override
    protected void onEnd() {
        for (PlayTally t : ledger.all()) {
            emit(Streams.PARTIALS, Partial.of(t));
        }
        emit(Streams.PARTIALS, Partial.counter("plays.duplicates", duplicates));
    }
}
