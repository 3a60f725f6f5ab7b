package dev.royalties.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.jobs.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAMonthAndSaysSoOnOneLine() throws Exception {
        Path out = dir.resolve("out");
        int code = GenerateCommand.run(new String[] {"--plays", "2000", "--seed", "3", "--output", out.toString(),
            "--period", "2027-02"});
        assertThat(code).isZero();
        assertThat(out.resolve("plays/dt=2027-01-31")).isDirectory();
        assertThat(out.resolve("plays/dt=2027-03-01")).isDirectory();
    }

    @Test
    void badOptionsAreOneLineUsageErrors() throws IOException {
        String out = dir.resolve("x").toString();
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--seed", "1", "--output", out}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--plays");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--plays", "10", "--seed", "1", "--output", out}))
                .isInstanceOf(UsageException.class).hasMessageContaining("between");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--plays", "5000", "--seed", "1", "--output", out,
            "--period", "2026-13"})).isInstanceOf(UsageException.class).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--plays", "many", "--seed", "1", "--output", out}))
                .isInstanceOf(UsageException.class).hasMessageContaining("whole number");

        Files.writeString(dir.resolve("busy.txt"), "not ours");
        assertThatThrownBy(() -> GenerateCommand.run(new String[] {"--plays", "5000", "--seed", "1", "--output",
            dir.toString()})).isInstanceOf(UsageException.class).hasMessageContaining("not empty")
                .hasMessageNotContaining("\n");
    }
}
