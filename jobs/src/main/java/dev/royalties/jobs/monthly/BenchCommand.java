package dev.royalties.jobs.monthly;

public final class BenchCommand {
    private BenchCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not built yet");
    }
}
