package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;

/**
 * Spec §3 for plays as {@link PlayColumnsFormat} reads them. A play it already wrote as shuffle
 * bytes passed every check on the way (it is only counted here); any other row is a {@link Play},
 * checked by the contract as every event row is ({@link EventTriage}), and if valid sent on with the
 * hashes of its user_id and play_id.
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
        if (r.play == null) {
            triage.countRead();
            emit(r);
        } else if (triage.admit(r.play, q -> emit(Streams.QUARANTINE, q))) {
            emit(UserPlayRecord.of(ShuffleKeys.hash(r.play.userId), ShuffleKeys.hash(r.play.playId), r.play));
        }
    }

    @Override
    protected void onEnd() {
        triage.end(p -> emit(Streams.PARTIALS, p));
    }
}
