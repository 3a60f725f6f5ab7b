package dev.royalties.jobs.live;

/** `royalties ingest`: the live path from Kafka (stub until issue 3 lands). */
public final class IngestCommand {
    private IngestCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("ingest is not built yet");
    }
}
