package dev.royalties.jobs.monthly;

import dev.royalties.rules.Catalogue;
import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PaymentModel;
import dev.royalties.rules.Play;
import dev.royalties.rules.PlayClassifier;
import dev.royalties.rules.PlayStatus;
import java.io.Serializable;

/**
 * Steps 1-4 of spec §4 on de-duplicated plays, counted locally: a play that fails them is tallied
 * by status; one that passes is a candidate for the per-user rules (listeners, threshold,
 * cap), and so is an unmatched play when user-centric is computed, since it is its user's held
 * bucket. Used wherever plays are classified, before or after they are grouped by user.
 */
final class CandidatePlays implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PlayClassifier classifier;
    private final Catalogue catalogue;
    private final boolean userCentric;
    private transient CatalogueLedger ledger;
    private long duplicates;

    CandidatePlays(PlayClassifier classifier, Catalogue catalogue) {
        this.classifier = classifier;
        this.catalogue = catalogue;
        this.userCentric = classifier.policy().computes(PaymentModel.USER_CENTRIC);
    }

    /**
     * @param into where the plays that fail are counted; the caller emits it, with whatever else it
     *             counts there, so that each (pool, track) leaves the worker once
     */
    void open(CatalogueLedger into) {
        ledger = into;
        duplicates = 0;
    }

    /** A ledger that counts this catalogue's tracks by index. */
    CatalogueLedger newLedger() {
        return new CatalogueLedger(catalogue);
    }

    /** True when the play goes on to the per-user rules; otherwise it has been counted. */
    boolean passes(Play p) {
        duplicates += p.copies - 1;
        PlayStatus status = classifier.statusBeforeCap(p); // by the track's index: its credits unread
        if (status == PlayStatus.ELIGIBLE) {
            return true;
        }
        ledger.count(p, status);
        return status == PlayStatus.UNMATCHED && userCentric;
    }

    /** Forgets the ledger it counted into (see {@link GroupUserPlays}'s release). */
    void release() {
        ledger = null;
    }

    /** How many copies were merged into the plays seen. */
    Partial duplicates() {
        return Partial.counter("plays.duplicates", duplicates);
    }
}
