package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;

/**
 * The user-first pipeline's reading chain in one operator: each row checked as {@link ValidatePlays}
 * checks it, and each valid play packed at once into its worker and user bucket's block
 * ({@link UserPlayPacker}, the main output) and its fingerprint into its bucket's block
 * ({@link PlayFingerprints}, a side output for {@link CrossUserDuplicates}). Three chained
 * operators did this, and every play went through Flink's chaining twice more, with a copy of its
 * record for the second consumer (a tenth of the reading task's samples, issue 10).
 */
final class ValidateAndPackPlays extends EndOfInputOperator<UserPlayRecord, UserPlayBlock> {
    private static final long serialVersionUID = 1L;

    private final EventTriage<Play> triage;
    private final int workers;
    private transient UserPlayPacker packer;
    private transient PlayFingerprints fingerprints;

    /** @param workers the per-user stage's parallelism */
    ValidateAndPackPlays(Period period, int workers) {
        this.triage = new EventTriage<>(EventContract.PLAYS, period);
        this.workers = workers;
    }

    @Override
    public void open() throws Exception {
        super.open();
        triage.open(getRuntimeContext());
        packer = new UserPlayPacker(workers, this::emit);
        fingerprints = new PlayFingerprints(block -> emit(Streams.FINGERPRINT_BLOCKS, block));
    }

    @Override
    protected void onElement(UserPlayRecord r) throws Exception {
        UserPlayRecord valid = ValidatePlays.check(triage, r, q -> emit(Streams.QUARANTINE, q));
        if (valid != null) {
            packer.add(valid);
            fingerprints.add(valid.playHash, valid.userHash);
        }
    }

    @Override
    protected void onEnd() throws Exception {
        packer.flush();
        fingerprints.flush();
        triage.end(p -> emit(Streams.PARTIALS, p));
    }

    @Override
    protected void release() {
        packer = null;
        fingerprints = null;
    }

    /** For tests: whether the open blocks are still held. */
    boolean holdsState() {
        return packer != null || fingerprints != null;
    }
}
