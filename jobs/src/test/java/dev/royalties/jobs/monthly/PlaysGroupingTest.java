package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-first pipeline (one shuffle, de-duplication within each user) must give what the general
 * pipeline (de-duplicate by play_id, then group by user) gives, and must hand over to the general one
 * as soon as one play_id has copies under two users.
 */
class PlaysGroupingTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    private static final List<TableSchema> COMPARED = List.of(Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION,
            Tables.AI_VIOLATIONS, Tables.RECORDING_USAGE, Tables.TRACK_HISTORY, Tables.QUARANTINE);

    @Test
    void bothPipelinesGiveTheSameOutputsOnTheWorkedExample(@TempDir Path userFirst, @TempDir Path general)
            throws Exception {
        MonthlyRun.Result a = run(WorkedExampleTest.INPUT, userFirst, null, "--model", "artist-centric",
                "--compare-models", "pro-rata,user-centric", "--min-track-streams", "2");
        MonthlyRun.Result b = run(WorkedExampleTest.INPUT, general, "GENERAL", "--model", "artist-centric",
                "--compare-models", "pro-rata,user-centric", "--min-track-streams", "2");
        assertThat(a.manifest().get("plays_grouping").asText()).isEqualTo("user_first");
        assertThat(b.manifest().get("plays_grouping").asText()).isEqualTo("general");
        assertSameOutputs(userFirst, general);
        assertThat(OutputCsv.read(userFirst, Tables.MODEL_COMPARISON, "2026-10", 1))
                .isEqualTo(OutputCsv.read(general, Tables.MODEL_COMPARISON, "2026-10", 1));
        assertThat(a.manifest().get("plays_by_status")).isEqualTo(b.manifest().get("plays_by_status"));
        assertThat(a.manifest().get("input_counts").get("plays.duplicates"))
                .isEqualTo(b.manifest().get("input_counts").get("plays.duplicates"));
    }

    @Test
    void aPlayIdUnderTwoUsersSendsTheRunToTheGeneralPipeline(@TempDir Path input, @TempDir Path out,
                                                            @TempDir Path general) throws Exception {
        withAPlayIdUnderTwoUsers(input);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MonthlyRun.Result r = run(input.toString(), out, null, log);
        assertThat(r.manifest().get("plays_grouping").asText()).isEqualTo("general");
        assertThat(r.manifest().get("input_counts").get(CrossUserDuplicates.COUNTER)).isNull();
        assertThat(log.toString()).contains("1 play_ids have copies under more than one user_id");
        assertThat(out.resolve("_staging")).doesNotExist();

        run(input.toString(), general, "GENERAL");
        assertSameOutputs(out, general);
    }

    /**
     * The worked example in {@code input}, with an earlier copy of an eligible play under another
     * listener: it wins the de-duplication, so the play moves to that user's cap. Grouping by user
     * first would count it twice.
     */
    static void withAPlayIdUnderTwoUsers(Path input) throws Exception {
        copy(Path.of(WorkedExampleTest.INPUT), input);
        Play original = TableFiles.readAll(new org.apache.flink.core.fs.Path(input.resolve("plays").toString()),
                        Tables.PLAYS, Tables.PLAY).stream()
                .filter(p -> p.playId != null && !p.playId.isEmpty() && p.msPlayed >= 30_000
                        && p.playedAt >= InputFolder.at("2026-10-02T00:00:00Z")
                        && p.playedAt < InputFolder.at("2026-10-30T00:00:00Z")
                        && p.country != null && p.country.matches("[A-Z]{2}") && "premium".equals(p.product))
                .findFirst().orElseThrow();
        Play copy = new Play(original.playId, original.userId + "-other", original.trackId,
                original.playedAt - 60_000_000L, original.msPlayed, original.country, original.product);
        new InputFolder(input).write(Tables.PLAYS, "plays/redelivered/part-0.parquet",
                java.util.Collections.singletonList(Tables.row(copy)));
    }

    private static void assertSameOutputs(Path a, Path b) throws Exception {
        for (TableSchema t : COMPARED) {
            assertThat(OutputCsv.read(a, t, "2026-10", 1)).as(t.name()).isEqualTo(OutputCsv.read(b, t, "2026-10", 1));
        }
    }

    private static MonthlyRun.Result run(String input, Path out, String grouping, String... extra) throws Exception {
        return run(input, out, grouping, new ByteArrayOutputStream(), extra);
    }

    private static MonthlyRun.Result run(String input, Path out, String grouping, ByteArrayOutputStream log,
                                         String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--period", "2026-10", "--input", input, "--output",
                out.toString(), "--as-of", "2026-11-05T00:00:00Z", "--user-monthly-cap", "15", "--parallelism", "2"));
        args.addAll(List.of(extra));
        if (grouping != null) {
            System.setProperty(MonthlyRun.GROUPING_PROPERTY, grouping);
        }
        try {
            return MonthlyRun.run(MonthlyOptions.parse(args.toArray(new String[0])), new PrintStream(log, true));
        } finally {
            System.clearProperty(MonthlyRun.GROUPING_PROPERTY);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
