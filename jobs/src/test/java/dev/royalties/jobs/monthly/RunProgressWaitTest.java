package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.io.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting for the monthly job: its outcome decides the run, not the status polls of the progress
 * line. The job client stands for the embedded cluster's, which answers no status once the
 * cluster is shutting down, before the job's result is handed over.
 */
class RunProgressWaitTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopClock() {
        clock.shutdownNow();
    }

    @Test
    void aFinishedJobWhoseClusterNoLongerAnswersIsNotAFailure(@TempDir Path input) throws Exception {
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        clock.schedule(() -> result.complete(new JobExecutionResult(new JobID(), 1, Map.of())), 300,
                TimeUnit.MILLISECONDS);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        progress(input).await(new ShuttingDown(result), new PrintStream(log, true, StandardCharsets.UTF_8), 20);

        assertThat(result).isDone();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("  ... running for");
    }

    @Test
    void aFailedJobStillFailsTheRun(@TempDir Path input) {
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        clock.schedule(() -> result.completeExceptionally(new IllegalStateException("a task failed")), 100,
                TimeUnit.MILLISECONDS);

        assertThatThrownBy(() -> progress(input).await(new ShuttingDown(result), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 20))
                .hasRootCauseMessage("a task failed");
    }

    private static RunProgress progress(Path input) {
        return RunProgress.of(new org.apache.flink.core.fs.Path(input.toUri()), new TimeRange("played_at", 0, 1));
    }

    /** A job client whose cluster answers nothing but the job's result. */
    private record ShuttingDown(CompletableFuture<JobExecutionResult> result) implements JobClient {
        private static <T> CompletableFuture<T> gone() {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("MiniCluster is not yet running or has already been shut down."));
        }

        @Override
        public JobID getJobID() {
            return new JobID();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return gone();
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return gone();
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean drain, String dir, SavepointFormatType type) {
            return gone();
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String dir, SavepointFormatType type) {
            return gone();
        }

        @Override
        public CompletableFuture<Map<String, Object>> getAccumulators() {
            return gone();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}
