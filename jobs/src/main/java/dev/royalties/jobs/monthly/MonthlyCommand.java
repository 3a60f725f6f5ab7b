package dev.royalties.jobs.monthly;

/** `royalties monthly --period YYYY-MM --input DIR --output DIR [...]` (spec §10). */
public final class MonthlyCommand {
    private MonthlyCommand() {}

    public static int run(String[] args) throws Exception {
        MonthlyRun.run(MonthlyOptions.parse(args), System.out);
        return 0;
    }
}
