package dev.royalties.jobs.monthly;

import dev.royalties.io.ParquetInputSize;
import dev.royalties.io.TimeRange;
import java.util.Locale;
import java.util.Map;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;

/**
 * The progress line a long monthly run prints every 15 s: plays read so far against what the
 * Parquet footers say there is to read, the rate and the time the reading still needs. Plays are
 * counted by {@link ValidateEvents} into a Flink accumulator, which the driver polls through its
 * JobClient (embedded or on a cluster); the TaskManagers report accumulators with their
 * heartbeats, so the count lags by up to one heartbeat (10 s by default).
 */
final class RunProgress {
    /** The accumulator that counts a table's rows as they are read. */
    static String accumulator(String table) {
        return table + ".read";
    }

    private final CompletableFuture<ParquetInputSize> size;
    private final long startedNanos = System.nanoTime();
    private long readAllAfterMillis = -1;

    private RunProgress(CompletableFuture<ParquetInputSize> size) {
        this.size = size;
    }

    /** Starts sizing the plays in the background (footers only): the run never waits for it. */
    static RunProgress of(Path plays, TimeRange range) {
        return new RunProgress(CompletableFuture.supplyAsync(() -> {
            try {
                return ParquetInputSize.of(plays, range);
            } catch (Exception e) {
                return null; // progress without a total; the job itself reports unreadable files
            }
        }));
    }

    /**
     * Waits for the job's end, printing a progress line every {@code everyMillis}; the job's own
     * outcome is what it returns or throws. A status poll that fails does not fail the run: the
     * embedded cluster starts shutting down the moment its job ends, and a poll in flight then
     * failed a finished month with "MiniCluster is not yet running or has already been shut down"
     * (seen once in eight runs on a loaded machine, docs/reliability.md).
     */
    void await(JobClient job, PrintStream log, long everyMillis) throws Exception {
        var result = job.getJobExecutionResult();
        while (true) {
            try {
                result.get(everyMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                String status = status(job, everyMillis);
                if (!result.isDone()) {
                    log.println(report(job, status));
                }
            }
        }
    }

    /** The job's status, or "running" when the cluster does not say (shutting down, or slow to answer). */
    private static String status(JobClient job, long waitMillis) throws InterruptedException {
        try {
            return job.getJobStatus().get(waitMillis, TimeUnit.MILLISECONDS).toString();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return "RUNNING";
        }
    }

    /** The line for now, polling the job's accumulators; the bare status if they are unavailable. */
    String report(JobClient job, String status) {
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        long read = -1;
        try {
            Map<String, Object> acc = job.getAccumulators().get(5, TimeUnit.SECONDS);
            Object v = acc.get(accumulator(dev.royalties.io.Tables.PLAYS.name()));
            read = v instanceof Number n ? n.longValue() : 0;
        } catch (Exception e) {
            // a cluster that does not answer in time: the line without counts
        }
        ParquetInputSize total = size.getNow(null);
        if (total != null && read >= total.rows() && readAllAfterMillis < 0) {
            readAllAfterMillis = elapsedMillis;
        }
        return line(status, elapsedMillis, read, total, readAllAfterMillis);
    }

    /**
     * @param read plays read so far, or -1 when unknown
     * @param total what there is to read, or null while unknown
     * @param readAllAfterMillis when the count first reached the total, or -1
     */
    static String line(String status, long elapsedMillis, long read, ParquetInputSize total, long readAllAfterMillis) {
        String head = "  ... " + status.toLowerCase(Locale.ROOT) + " for " + duration(elapsedMillis);
        if (read < 0) {
            return head;
        }
        if (total != null && readAllAfterMillis >= 0) {
            return head + ": all " + millions(total.rows()) + " plays read (" + megabytes(total.bytes()) + ") in "
                    + duration(readAllAfterMillis) + ", " + rate(total.rows(), readAllAfterMillis)
                    + "; de-duplicating, classifying, allocating and writing";
        }
        String rate = rate(read, elapsedMillis);
        if (total == null || total.rows() == 0) {
            return head + ": " + millions(read) + " plays read, " + rate;
        }
        long percent = read * 100 / total.rows();
        String left = read == 0 ? "" : ", reading done in about "
                + duration((total.rows() - read) * elapsedMillis / read);
        return head + ": " + millions(read) + " of " + millions(total.rows()) + " plays read (" + percent + " % of "
                + megabytes(total.bytes()) + "), " + rate + left;
    }

    private static String rate(long plays, long millis) {
        return String.format(Locale.ROOT, "%,d plays/s", millis == 0 ? 0 : plays * 1000 / millis);
    }

    private static String millions(long n) {
        return String.format(Locale.ROOT, "%.1f M", n / 1e6);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    static String duration(long millis) {
        long s = (millis + 500) / 1000;
        return s < 60 ? s + " s" : s < 3600 ? s / 60 + " min " + s % 60 + " s"
                : s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
