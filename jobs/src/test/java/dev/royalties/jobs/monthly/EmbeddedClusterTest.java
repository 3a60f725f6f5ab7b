package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in this JVM's own local environment, as `java -jar royalties.jar monthly` runs: no test
 * MiniCluster, so the job goes to the cluster that {@link EmbeddedCluster} started while the
 * reference data was read. It must give the worked example's outputs, and a failed run must still
 * fail with its own reason.
 */
class EmbeddedClusterTest {
    private static final Path EXAMPLE = WorkedExampleTest.EXAMPLE;

    @Test
    void theRunGoesToTheEarlyClusterAndGivesTheWorkedExample(@TempDir Path out) throws Exception {
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment(new Configuration()))
                .isInstanceOf(LocalStreamEnvironment.class);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result r = MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input",
            WorkedExampleTest.INPUT, "--output", out.toString(), "--as-of", "2026-11-05T00:00:00Z",
            "--user-monthly-cap", "15", "--parallelism", "2"}), new PrintStream(log, true));
        assertThat(r.revision()).isEqualTo(1);
        for (TableSchema t : List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION, Tables.AI_VIOLATIONS)) {
            Path csv = EXAMPLE.resolve("expected/revision-1/" + t.name() + ".csv");
            assertThat(OutputCsv.readAsIn(csv, out, t, "2026-10", 1)).as(t.name())
                    .containsExactlyElementsOf(OutputCsv.expected(csv));
        }
        assertThat(out.resolve("_staging")).doesNotExist();
    }

    @Test
    void theRunAgainOnTheGeneralPipelineGetsAClusterOfItsOwn(@TempDir Path input, @TempDir Path out)
            throws Exception {
        PlaysGroupingTest.withAPlayIdUnderTwoUsers(input);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result r = MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input",
            input.toString(), "--output", out.toString(), "--as-of", "2026-11-05T00:00:00Z",
            "--user-monthly-cap", "15", "--parallelism", "2"}), new PrintStream(log, true));
        assertThat(log.toString()).contains("running the period again on the general pipeline");
        assertThat(r.manifest().get("plays_grouping").asText()).isEqualTo("general");
        assertThat(out.resolve("_staging")).doesNotExist();
    }

    @Test
    void aRunRefusedWhileTheClusterStartsFailsWithItsOwnReasonAtOnce(@TempDir Path tmp) throws Exception {
        InputFolder in = InputFolder.minimalMonth(tmp.resolve("in"));
        Path csv = in.root().resolve("plays/dt=2026-10-10/data.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "play_id,user_id\nP9,U9\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Royalties.execute(new String[] {"monthly", "--period", "2026-10", "--input", in.root().toString(),
            "--output", tmp.resolve("out").toString(), "--as-of", "2026-11-05T00:00:00Z"},
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("royalties: ")
                .contains(csv + " is not a readable Parquet file").doesNotContain("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
