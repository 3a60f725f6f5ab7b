package dev.royalties.jobs.monthly;

import dev.royalties.io.RowMapper;

/**
 * Test only: {@code -Droyalties.crash-point=NAME} makes a monthly run stop for good when it reaches
 * NAME, after printing one line on stderr, so that a crash test can kill its JVM at that exact
 * point (MonthlyCrashTest). Without the property every call is a no-op. The points:
 * {@code before-job} (lock held, revision chosen, staging created), {@code reading-plays} (inside the
 * job, at the first play read), {@code promoting} (the first output table moved into place), and
 * {@code before-manifest} (every table promoted, no manifest yet).
 */
public final class CrashPoint {
    public static final String PROPERTY = "royalties.crash-point";
    private static final String CHOSEN = System.getProperty(PROPERTY);

    private CrashPoint() {}

    public static void reach(String name) {
        if (!name.equals(CHOSEN)) {
            return;
        }
        System.err.println("royalties: crash point " + name + " reached");
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // stay here: the test kills this JVM
            }
        }
    }

    /** The mapper itself unless the crash point is {@code name}; then one that stops at the first row. */
    static <T> RowMapper<T> whileReading(String name, RowMapper<T> mapper) {
        if (!name.equals(CHOSEN)) {
            return mapper;
        }
        return row -> {
            reach(name);
            return mapper.map(row);
        };
    }
}
