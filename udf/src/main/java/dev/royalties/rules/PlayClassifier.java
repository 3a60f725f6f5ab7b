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
        return status(p, catalogue.indexOf(p));
    }

    /**
     * The same, with the play's credits ({@link Catalogue#credits}, null when unmatched) already
     * looked up by a caller that needs them too.
     */
    public PlayStatus statusBeforeCap(Play p, Catalogue.Credits knownCredits) {
        return status(p, knownCredits == null ? -1 : knownCredits.index());
    }

    /**
     * By the track's catalogue index (-1: unmatched): its AI flag and whether it has verdicts are
     * known by index, so a play whose reader found the index never reads the track's credits.
     */
    private PlayStatus status(Play p, int index) {
        if (verdicts.playOrUserIsFraud(p.playId, p.userId, p.playedAt) || trackIsFraud(p, index)) {
            return PlayStatus.FRAUD;
        }
        if (p.msPlayed < policy.minPlayMs()) {
            return PlayStatus.SHORT;
        }
        if (index < 0) {
            return PlayStatus.UNMATCHED;
        }
        return catalogue.fullAiAt(index) ? PlayStatus.AI_GENERATED : PlayStatus.ELIGIBLE;
    }

    /** The track's verdicts, looked up only for an unmatched track or a catalogue track that has some. */
    private boolean trackIsFraud(Play p, int index) {
        return (index < 0 || tracksWithVerdicts.get(index)) && verdicts.trackIsFraud(p.trackId, p.playedAt);
    }

    public Policy policy() {
        return policy;
    }
}
