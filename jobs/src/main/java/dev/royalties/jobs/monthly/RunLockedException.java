package dev.royalties.jobs.monthly;

/** Another live run holds the (output folder, period) lock: exit code 3, with the holder named. */
public class RunLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunLockedException(String message) {
        super(message);
    }
}
