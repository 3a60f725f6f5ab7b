package dev.royalties.jobs.monthly;

/**
 * Test only: {@code -Droyalties.crash-point=NAME} makes a monthly run stop for good when it reaches
 * NAME, after printing one line on stderr, so that a crash test can kill its JVM at that exact
 * point (MonthlyCrashTest). Without the property every call is a no-op. The points:
 * {@code before-job} (lock held, revision chosen, staging created), {@code reading-plays} (inside the
 * job, as the first plays file is opened), {@code promoting} (the first output table moved into place), and
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
}
