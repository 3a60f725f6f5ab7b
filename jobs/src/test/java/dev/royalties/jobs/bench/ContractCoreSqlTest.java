package dev.royalties.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.jobs.monthly.MonthlyOptions;
import dev.royalties.jobs.monthly.MonthlyRun;
import dev.royalties.rules.Period;
import dev.royalties.rules.Times;
import dev.royalties.testing.Flink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bench's SQL floor does the contract's work: on the spec's worked example (bad rows,
 * duplicates, out-of-period files, verdicts and appeals, unmatched and AI tracks) DuckDB's plays
 * by status equal the monthly run's, with and without a cap.
 */
class ContractCoreSqlTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final Path INPUT = Path.of("src/test/resources/examples/small/input").toAbsolutePath();
    static final String AS_OF = "2026-11-05T00:00:00Z";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(longs = {0, 15})
    void duckDbCountsPlaysByStatusAsTheRunDoes(long cap) throws Exception {
        MonthlyRun.Result run = MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input",
            INPUT.toString(), "--output", tmp.resolve("out").toString(), "--as-of", AS_OF,
            "--user-monthly-cap", "" + cap, "--parallelism", "2"}), new PrintStream(new ByteArrayOutputStream()));
        Map<String, Long> expected = new TreeMap<>();
        run.manifest().get("plays_by_status").fields().forEachRemaining(e -> expected.put(e.getKey(),
                e.getValue().asLong()));
        expected.values().removeIf(n -> n == 0);

        Period october = Period.parse("2026-10");
        try (DuckDbFloor duck = DuckDbFloor.open(2, tmp.resolve("spill"))) {
            DuckDbFloor.Timed t = duck.contractCore(new ContractCoreSql(INPUT, october.startMicros(),
                    october.endMicros(), Times.parseInstant(AS_OF), 30_000, cap));
            assertThat(new TreeMap<>(t.counts())).isEqualTo(expected);
        }
        assertThat(expected).containsKeys("eligible", "fraud", "short", "unmatched");
    }
}
