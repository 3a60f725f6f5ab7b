package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.testing.Flink;
import dev.royalties.testing.PostgresTestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sql/jdbc_tables.sql over a real PostgreSQL (embedded binaries): the rights database's
 * ai_consent and live_accruals read through flink-connector-jdbc, timestamps as instants. The
 * PostgreSQL schemas are the live path's DDL in sql/jdbc/.
 */
class JdbcTablesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static String url;

    @BeforeAll
    static void createTables() throws Exception {
        url = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(url, PostgresTestDb.repoRoot().resolve("sql/jdbc/ai_consent.sql"));
        PostgresTestDb.runScript(url, PostgresTestDb.repoRoot().resolve("sql/jdbc/live_accruals.sql"));
        try (Connection c = DriverManager.getConnection(url, PostgresTestDb.user(), null);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO ai_consent VALUES "
                    + "('A00001', 'training', true, '2026-09-01 00:00:00+00', '2026-09-01 10:00:00.123456+00'), "
                    + "('A00001', 'training', false, '2026-10-15 12:00:00+02', '2026-10-15 10:00:01+00')");
            s.execute("INSERT INTO live_accruals (day, artist_id, country, product, eligible_plays) VALUES "
                    + "('2026-10-01', 'A00001', 'FR', 'premium', 12), ('2026-10-02', 'A00001', 'FR', 'premium', 7)");
        }
    }

    @Test
    void consentHistoryAndLiveAccrualsReadThroughFlinkSql() throws Exception {
        try (SqlRunner r = SqlRunner.open(null, null, new SqlRunner.Jdbc(url, null, null))) {
            SqlResult consent = r.execute("SELECT artist_id, `scope`, granted, effective_from, recorded_at "
                    + "FROM pg_ai_consent ORDER BY effective_from");
            assertThat(consent.types()).containsExactly("STRING", "STRING", "BOOLEAN", "TIMESTAMP(6)",
                    "TIMESTAMP(6)");
            // TIMESTAMPTZ arrives in the JVM's time zone (UTC on the cluster, see sql/jdbc_tables.sql).
            assertThat(consent.rows()).containsExactly(
                    List.of("A00001", "training", true, local("2026-09-01T00:00:00Z"), local("2026-09-01T10:00:00.123456Z")),
                    List.of("A00001", "training", false, local("2026-10-15T10:00:00Z"), local("2026-10-15T10:00:01Z")));
            SqlResult accruals = r.execute("SELECT `day`, artist_id, country, product, eligible_plays "
                    + "FROM pg_live_accruals ORDER BY `day`");
            assertThat(accruals.rows()).containsExactly(
                    List.of(LocalDate.parse("2026-10-01"), "A00001", "FR", "premium", 12L),
                    List.of(LocalDate.parse("2026-10-02"), "A00001", "FR", "premium", 7L));
        }
    }

    static java.time.LocalDateTime local(String instant) {
        return java.time.LocalDateTime.ofInstant(Instant.parse(instant), java.time.ZoneId.systemDefault());
    }

    @Test
    void royaltiesSqlTakesTheDatabaseOptions() throws Exception {
        Path q = Files.writeString(Files.createTempFile("consent", ".sql"),
                "-- @param artist\nSELECT artist_id, COUNT(*) AS records FROM pg_ai_consent "
                        + "WHERE artist_id = '${artist}' GROUP BY artist_id;\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SqlCommand.run(new String[] {q.toString(), "--jdbc-url", url, "--set", "artist=A00001", "--csv"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("artist_id,records", "A00001,2");
    }
}
