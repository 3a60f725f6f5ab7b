package dev.royalties.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `java -jar royalties.jar monthly` as a user runs it (the launcher and its child JVM) leaves nothing
 * in the temporary directory: Flink's cluster left its RPC system's jar there on every run. Runs
 * after `package` (failsafe): it needs royalties.jar and its lib folder.
 */
class LauncherIT {
    private static final Path JAR = Path.of("target/royalties.jar");
    private static final Path EXAMPLE = Path.of("src/test/resources/examples/small/input");

    @Test
    void aMonthlyRunLeavesNothingInTheTemporaryDirectory(@TempDir Path tmp, @TempDir Path out) throws Exception {
        assertThat(JAR).as("royalties.jar (mvn package)").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString(),
                "monthly", "--period", "2026-10", "--input", EXAMPLE.toString(), "--output", out.resolve("o").toString(),
                "--as-of", "2026-11-05T00:00:00Z")).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(out.resolve("o/artist_payments")).isDirectory();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("left in the temporary directory").isEmpty();
        }
    }
}
