package dev.royalties.jobs.sql;

/** `royalties sql`: runs a query file over an output folder (stub until issue 4 lands). */
public final class SqlCommand {
    private SqlCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("sql is not built yet");
    }
}
