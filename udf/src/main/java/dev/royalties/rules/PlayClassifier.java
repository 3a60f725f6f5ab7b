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
        if (verdicts.playIsFraud(p.playId, p.userId, p.trackId, p.playedAt)) {
            return PlayStatus.FRAUD;
        }
        if (p.msPlayed < policy.minPlayMs()) {
            return PlayStatus.SHORT;
        }
        Catalogue.Credits credits = catalogue.credits(p.trackId);
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
