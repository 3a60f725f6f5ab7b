package dev.royalties.rules;

import java.io.Serializable;
import java.util.BitSet;

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
    /**
     * The catalogue tracks (by {@link Catalogue.Credits#index()}) that have verdicts: a play of any
     * other matched track needs no lookup by its track_id, whose String is one more cache miss a play
     * in the per-user stage (async-profiler). A few hundred bytes per million tracks.
     */
    private final BitSet tracksWithVerdicts = new BitSet();

    public PlayClassifier(VerdictIndex verdicts, Catalogue catalogue, Policy policy) {
        this.verdicts = verdicts;
        this.catalogue = catalogue;
        this.policy = policy;
        for (String trackId : verdicts.trackSubjects()) {
            int index = catalogue.indexOf(trackId);
            if (index >= 0) {
                tracksWithVerdicts.set(index);
            }
        }
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
        int index = p.trackIndex >= 0 ? catalogue.indexOf(p) : -1;
        if (index >= 0) {
            return byIndex(p, index);
        }
        Catalogue.Credits credits = known ? knownCredits : catalogue.credits(p.trackId);
        if (verdicts.playOrUserIsFraud(p.playId, p.userId, p.playedAt) || trackIsFraud(p, credits)) {
            return PlayStatus.FRAUD;
        }
        if (p.msPlayed < policy.minPlayMs()) {
            return PlayStatus.SHORT;
        }
        if (credits == null) {
            return PlayStatus.UNMATCHED;
        }
        if (credits.fullAi()) {
            return PlayStatus.AI_GENERATED;
        }
        return PlayStatus.ELIGIBLE;
    }

    /**
     * The same steps for a play whose reader found its track's index: matched, and its AI flag and
     * verdicts known by index, so the track's credits are not read at all.
     */
    private PlayStatus byIndex(Play p, int index) {
        if (verdicts.playOrUserIsFraud(p.playId, p.userId, p.playedAt)
                || tracksWithVerdicts.get(index) && verdicts.trackIsFraud(p.trackId, p.playedAt)) {
            return PlayStatus.FRAUD;
        }
        if (p.msPlayed < policy.minPlayMs()) {
            return PlayStatus.SHORT;
        }
        return catalogue.fullAiAt(index) ? PlayStatus.AI_GENERATED : PlayStatus.ELIGIBLE;
    }

    /** The track's verdicts, looked up only for an unmatched track or a catalogue track that has some. */
    private boolean trackIsFraud(Play p, Catalogue.Credits credits) {
        if (credits != null && !tracksWithVerdicts.get(credits.index())) {
            return false;
        }
        return verdicts.trackIsFraud(p.trackId, p.playedAt);
    }

    public Policy policy() {
        return policy;
    }
}
