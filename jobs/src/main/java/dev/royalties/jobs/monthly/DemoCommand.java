package dev.royalties.jobs.monthly;

public final class DemoCommand {
    private DemoCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not built yet");
    }
}
