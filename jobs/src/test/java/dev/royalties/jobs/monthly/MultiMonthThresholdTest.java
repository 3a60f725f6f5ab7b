package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.royalties.jobs.generate.MonthGenerator;
import dev.royalties.rules.Period;
import dev.royalties.testing.Flink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `generate --months 3`, each month run in turn: the threshold of the last one reads the two before it. */
class MultiMonthThresholdTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    private static JsonNode month(Path in, Path out, String period, String asOf, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--period", period, "--input", in.toString(),
                "--output", out.toString(), "--as-of", asOf, "--parallelism", "2"));
        args.addAll(List.of(extra));
        return MonthlyRun.run(MonthlyOptions.parse(args.toArray(String[]::new)),
                new PrintStream(new ByteArrayOutputStream())).manifest();
    }

    @Test
    void thresholdCountsTheEarlierMonthsOfTheSameFolder(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        MonthGenerator.generate(in, 20_000, 3, Period.parse("2026-10"), 2, 3);
        Path out = tmp.resolve("out");
        JsonNode aug = month(in, out, "2026-08", "2026-09-05T00:00:00Z");
        month(in, out, "2026-09", "2026-10-05T00:00:00Z");
        assertThat(aug.get("plays_by_status").get("eligible").asLong()).isPositive();

        JsonNode cold = month(in, tmp.resolve("cold"), "2026-10", "2026-11-05T00:00:00Z", "--min-track-streams", "40");
        JsonNode warm = month(in, out, "2026-10", "2026-11-05T00:00:00Z", "--min-track-streams", "40");
        assertThat(warm.get("history").get("revisions_read").toString())
                .isEqualTo("{\"2026-08\":1,\"2026-09\":1}");
        assertThat(warm.get("history").get("missing").asText()).isEqualTo("2025-11 .. 2026-07");
        assertThat(cold.get("history").get("missing").asText()).isEqualTo("2025-11 .. 2026-09");
        long coldBelow = cold.get("plays_by_status").get("below_threshold").asLong();
        long warmBelow = warm.get("plays_by_status").get("below_threshold").asLong();
        assertThat(coldBelow).isGreaterThan(warmBelow);
        assertThat(warmBelow).isPositive();
    }

    @Test
    void aHistoryRevisionDecidedAfterTheAsOfIsNotRead(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        MonthGenerator.generate(in, 2_000, 5, Period.parse("2026-10"), 2, 2);
        Path out = tmp.resolve("out");
        month(in, out, "2026-09", "2026-12-01T00:00:00Z");
        JsonNode oct = month(in, out, "2026-10", "2026-11-05T00:00:00Z", "--min-track-streams", "5");
        assertThat(oct.get("history").get("revisions_read").size()).isZero();
        assertThat(oct.get("history").get("missing_periods")).hasSize(11);
    }
}
