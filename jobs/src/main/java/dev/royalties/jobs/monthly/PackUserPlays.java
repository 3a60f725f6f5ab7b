package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayRecord;

/** Chained to the reader: the plays, packed in blocks by worker and user bucket ({@link UserPlayPacker}). */
final class PackUserPlays extends EndOfInputOperator<UserPlayRecord, UserPlayBlock> {
    private static final long serialVersionUID = 1L;

    private final int workers;
    private transient UserPlayPacker packer;

    /** @param workers the per-user stage's parallelism */
    PackUserPlays(int workers) {
        this.workers = workers;
    }

    @Override
    public void open() throws Exception {
        super.open();
        packer = new UserPlayPacker(workers, this::emit);
    }

    @Override
    protected void onElement(UserPlayRecord r) throws Exception {
        packer.add(r);
    }

    @Override
    protected void onEnd() throws Exception {
        packer.flush();
    }

    @Override
    protected void release() {
        packer = null;
    }

    /** For tests: whether the open blocks are still held. */
    boolean holdsState() {
        return packer != null;
    }
}
