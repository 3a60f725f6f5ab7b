package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import dev.royalties.rules.QuarantineRow;
import java.util.function.Consumer;

/**
 * Spec §3 for plays as {@link PlayColumnsFormat} reads them. A play it already wrote as shuffle
 * bytes passed every check on the way (it is only counted here); any other row is a {@link Play},
 * checked by the contract as every event row is ({@link EventTriage}), and if valid sent on with the
 * hashes of its user_id and play_id. The general pipeline's first step; the user-first pipeline
 * does the same in {@link ValidateAndPackPlays}, which also packs what passes.
 */
final class ValidatePlays extends EndOfInputOperator<UserPlayRecord, UserPlayRecord> {
    private static final long serialVersionUID = 1L;

    private final EventTriage<Play> triage;

    ValidatePlays(Period period) {
        this.triage = new EventTriage<>(EventContract.PLAYS, period);
    }

    @Override
    public void open() throws Exception {
        super.open();
        triage.open(getRuntimeContext());
    }

    @Override
    protected void onElement(UserPlayRecord r) {
        UserPlayRecord valid = check(triage, r, q -> emit(Streams.QUARANTINE, q));
        if (valid != null) {
            emit(valid);
        }
    }

    /**
     * One row: a play written as shuffle bytes is counted and comes back as it came; any other is
     * checked as a {@link Play} and comes back with its hashes, or is quarantined (null).
     */
    static UserPlayRecord check(EventTriage<Play> triage, UserPlayRecord r, Consumer<QuarantineRow> quarantine) {
        if (r.play == null) {
            triage.countRead();
            return r;
        }
        return triage.admit(r.play, quarantine)
                ? UserPlayRecord.of(ShuffleKeys.hash(r.play.userId), ShuffleKeys.hash(r.play.playId), r.play)
                : null;
    }

    @Override
    protected void onEnd() {
        triage.end(p -> emit(Streams.PARTIALS, p));
    }
}
