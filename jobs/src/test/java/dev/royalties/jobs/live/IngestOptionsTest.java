package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.jobs.Royalties;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.testing.PostgresTestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `royalties ingest` options: defaults, URIs, one-line errors. */
class IngestOptionsTest {
    @Test
    void defaultsAndUris() {
        IngestCommand.Options o = IngestCommand.parse(new String[] {"--bootstrap-servers", "k:9092", "--archive",
            "s3://bucket/archive/"});
        assertThat(o.archive()).isEqualTo("s3://bucket/archive/");
        assertThat(o.checkpointDir()).isEqualTo("s3://bucket/archive/_checkpoints");
        assertThat(o.playsTopic()).isEqualTo("plays");
        assertThat(o.usageTopic()).isEqualTo("ai-usage");
        assertThat(o.verdictsTopic()).isEqualTo("fraud-verdicts");
        assertThat(o.jdbcUrl()).isNull();
        assertThat(o.settings()).isEqualTo(IngestSettings.DEFAULT);
        assertThat(IngestCommand.parse(new String[] {"--bootstrap-servers", "k:9092", "--archive", "rel/dir"})
                .archive()).startsWith("/").endsWith("/rel/dir");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        assertThatThrownBy(() -> Royalties.run(new String[] {"ingest", "--archive", "/tmp/a"}))
                .isInstanceOf(UsageException.class).hasMessage("ingest: missing required option --bootstrap-servers");
        assertThatThrownBy(() -> IngestCommand.parse(new String[] {"--bootstrap-servers", "k", "--archive", "/a",
            "--jdbc-url", "jdbc:postgresql://db/x"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --reference");
        assertThatThrownBy(() -> IngestCommand.parse(new String[] {"--bootstrap-servers", "k", "--archive", "/a",
            "--accruals-table", "x; drop table y"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a plain table name");
        assertThatThrownBy(() -> IngestCommand.parse(new String[] {"--bootstrap-servers", "k", "--archive", "/a",
            "--idleness-ms", "0"})).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> IngestCommand.parse(new String[] {"--bootstrap-servers", "k", "--archive", "/a",
            "--kafka-property", "novalue"})).isInstanceOf(UsageException.class).hasMessageContaining("name=value");
    }

    @Test
    void anAccrualsTableThatCannotBeUsedIsOneLineAtStart(@TempDir Path tmp) {
        String db = PostgresTestDb.newDatabase(); // no live_accruals in it yet
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Royalties.execute(new String[] {"ingest", "--bootstrap-servers", "k:9092", "--archive",
            tmp.toString(), "--jdbc-url", db, "--reference", tmp.toString()},
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("royalties: failed: ingest: live accruals: cannot use table live_accruals at "
                        + Royalties.withoutQuery(db) + ": ERROR: relation \"live_accruals\" does not exist")
                .doesNotContain("\n");

        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        AccrualsJdbc.checkReachable(db, null, null, "live_accruals"); // no exception
    }
}
