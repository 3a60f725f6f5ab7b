package dev.royalties.jobs.monthly;

public final class MonthlyCommand {
    private MonthlyCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not built yet");
    }
}
