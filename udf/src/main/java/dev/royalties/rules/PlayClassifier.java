package dev.royalties.rules;

import java.io.Serializable;

/**
 * Steps 1 to 4 of spec §4 for one de-duplicated play. A play that passes them comes back as
 * {@link PlayStatus#ELIGIBLE}; the user cap (step 5) is applied by {@link UserCap} afterwards,
 * because it needs all of a user's plays at once.
 */
public final class PlayClassifier implements Serializable {
    private static final long serialVersionUID = 1L;

    private final VerdictIndex verdicts;
    private final Catalogue catalogue;
    private final Policy policy;

    public PlayClassifier(VerdictIndex verdicts, Catalogue catalogue, Policy policy) {
        this.verdicts = verdicts;
        this.catalogue = catalogue;
        this.policy = policy;
    }

    public PlayStatus statusBeforeCap(Play p) {
        return status(p, null, false);
    }

    /**
     * The same, with the play's credits ({@link Catalogue#credits}, null when unmatched) already
     * looked up by a caller that needs them too.
     */
    public PlayStatus statusBeforeCap(Play p, Catalogue.Credits knownCredits) {
        return status(p, knownCredits, true);
    }

    private PlayStatus status(Play p, Catalogue.Credits knownCredits, boolean known) {
        if (verdicts.playIsFraud(p.playId, p.userId, p.trackId, p.playedAt)) {
            return PlayStatus.FRAUD;
        }
        if (p.msPlayed < policy.minPlayMs()) {
            return PlayStatus.SHORT;
        }
        Catalogue.Credits credits = known ? knownCredits : catalogue.credits(p.trackId);
        if (credits == null) {
            return PlayStatus.UNMATCHED;
        }
        if (credits.fullAi()) {
            return PlayStatus.AI_GENERATED;
        }
        return PlayStatus.ELIGIBLE;
    }

    public Policy policy() {
        return policy;
    }
}
