package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.jobs.Royalties;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.testing.Flink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `royalties sql FILE --output DIR [--set name=value ...] [--csv]`: output formats and one-line errors. */
class SqlCommandTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final Path QUERIES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
            .resolve("sql/queries");

    @TempDir
    Path tmp;

    static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SqlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvAndAlignedTableOfAnArtistsStatement() throws Exception {
        String output = ExampleOutputs.monthlyRuns().toString();
        String file = QUERIES.resolve("artist_statement.sql").toString();
        String csv = run(file, "--output", output, "--set", "artist=A00001", "--set", "period=2026-10", "--csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("period,revision,source,country,product,licensee_id,currency,units,amount");
        assertThat(lines).contains("2026-10,2,ai_training,,,L1,EUR,10896,8963.84",
                "2026-10,2,catalogue,FR,free,,EUR,5,85.55");
        assertThat(lines.get(lines.size() - 1)).startsWith("2026-10,2,TOTAL,,,,USD,,");

        String table = run(file, "--output", output, "--set", "artist=A00001", "--set", "period=2026-10",
                "--set", "revision=1");
        List<String> t = table.lines().toList();
        assertThat(t.get(0)).startsWith("+---------+").endsWith("+");
        assertThat(t.get(1)).startsWith("| period  | revision | source ");
        assertThat(t).anySatisfy(l -> assertThat(l).matches(
                "\\| 2026-10 \\|\\s+1 \\| ai_training +\\| NULL +\\| NULL +\\| L1 +\\| EUR +\\|\\s+10896 \\|\\s+8918.14 \\|"));
        assertThat(t.get(t.size() - 1)).matches("\\d+ rows");
        assertThat(t.stream().filter(l -> l.startsWith("|")).map(String::length).distinct()).hasSize(1);
    }

    @Test
    void badCommandLinesAreOneLineUsageErrors() throws Exception {
        String file = QUERIES.resolve("artist_statement.sql").toString();
        Files.createDirectories(tmp.resolve("out"));
        String out = tmp.resolve("out").toString();
        for (Map.Entry<List<String>, String> c : Map.of(
                List.<String>of(), "missing the query FILE",
                List.of(tmp.resolve("nope.sql").toString(), "--output", out), "no such query file",
                List.of(file), "missing required option --output",
                List.of(file, "--output", tmp.resolve("missing").toString()), "no such folder",
                List.of(file, "--output", out, "--set", "period=2026-10"), "needs --set artist=...",
                List.of(file, "--output", out, "--set", "colour=red"), "has no parameter 'colour'",
                List.of(file, "--output", out, "--set", "artist"), "--set needs name=value",
                List.of(file, "--output", out, "--bogus", "1"), "unknown option --bogus").entrySet()) {
            assertThatThrownBy(() -> SqlCommand.run(c.getKey().toArray(new String[0]), System.out))
                    .as("%s", c.getKey()).isInstanceOf(UsageException.class).hasMessageContaining(c.getValue())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aFailingQueryNamesTheFileAndStatementOnOneLineExitCodeOne() throws Exception {
        Path q = Files.writeString(tmp.resolve("bad.sql"), "-- a typo\nSELECT no_such_column FROM artist_payments;\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Royalties.execute(new String[] {"sql", q.toString(), "--output",
            ExampleOutputs.monthlyRuns().toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertThat(msg.lines()).hasSize(1);
        assertThat(msg).contains("bad.sql, statement 1 (SELECT NO_SUCH_COLUMN FROM)").contains("no_such_column");
    }

    @Test
    void scriptSplittingKeepsSemicolonsInStringsAndDropsComments() {
        SqlScript s = new SqlScript("x.sql", "-- @param a\n-- @param b two\nSELECT 'x;y' AS c -- ; not here\n;"
                + "/* ; */ SELECT '${a}', '${b}';\n");
        assertThat(s.parameters()).containsOnlyKeys("a", "b").containsEntry("b", "two");
        assertThat(s.parameters().get("a")).isNull();
        assertThat(s.statements(Map.of("a", "it's"))).containsExactly("SELECT 'x;y' AS c", "SELECT 'it''s', 'two'");
    }
}
