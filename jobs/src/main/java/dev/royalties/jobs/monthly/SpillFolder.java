package dev.royalties.jobs.monthly;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

/**
 * A private folder of numbered spill files for an operator that partitions its input by hand
 * ({@link CrossUserDuplicates}, {@link UserBuckets}) instead of through Flink's sort. It lives in
 * one of Flink's spilling directories, and closing it deletes whatever is left: after a normal end
 * as after a failure, a run leaves no spill file behind.
 */
final class SpillFolder implements Closeable {
    private final File dir;

    SpillFolder(File parent, String prefix) throws IOException {
        dir = Files.createTempDirectory(parent.toPath(), prefix).toFile();
    }

    /** A folder in the first of the operator's task's spilling directories. */
    static SpillFolder of(AbstractStreamOperator<?> operator, String prefix) throws IOException {
        return new SpillFolder(operator.getContainingTask().getEnvironment().getIOManager()
                .getSpillingDirectories()[0], prefix);
    }

    File file(int bucket) {
        return new File(dir, "bucket-" + bucket);
    }

    @Override
    public void close() throws IOException {
        File[] left = dir.listFiles();
        if (left != null) {
            for (File f : left) {
                Files.deleteIfExists(f.toPath());
            }
        }
        Files.deleteIfExists(dir.toPath());
    }
}
