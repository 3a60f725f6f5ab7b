package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.testing.Flink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sql/jdbc_tables.sql over a real PostgreSQL (embedded binaries): the rights database's
 * ai_consent and live_accruals read through flink-connector-jdbc, timestamps as instants. The
 * PostgreSQL schemas come from sql/jdbc/ (the live path's DDL) when it is on this branch, else from
 * the copy below (same columns, as of the live branch at 235c88c).
 */
class JdbcTablesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    static final String FALLBACK_DDL = """
            CREATE TABLE ai_consent (artist_id TEXT NOT NULL, scope TEXT NOT NULL, granted BOOLEAN NOT NULL,
              effective_from TIMESTAMPTZ NOT NULL, recorded_at TIMESTAMPTZ NOT NULL DEFAULT now());
            CREATE TABLE live_accruals (day DATE NOT NULL, artist_id TEXT NOT NULL, country CHAR(2) NOT NULL,
              product TEXT NOT NULL, eligible_plays BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
              PRIMARY KEY (day, artist_id, country, product));
            """;

    static EmbeddedPostgres pg;
    static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.start();
        url = pg.getJdbcUrl("postgres", "postgres");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String ddl : schemas()) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO ai_consent VALUES "
                    + "('A00001', 'training', true, '2026-09-01 00:00:00+00', '2026-09-01 10:00:00.123456+00'), "
                    + "('A00001', 'training', false, '2026-10-15 12:00:00+02', '2026-10-15 10:00:01+00')");
            s.execute("INSERT INTO live_accruals (day, artist_id, country, product, eligible_plays) VALUES "
                    + "('2026-10-01', 'A00001', 'FR', 'premium', 12), ('2026-10-02', 'A00001', 'FR', 'premium', 7)");
        }
    }

    static List<String> schemas() throws Exception {
        Path jdbc = ROOT.resolve("sql/jdbc");
        if (!Files.isDirectory(jdbc)) {
            return List.of(FALLBACK_DDL);
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(jdbc)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                out.add(Files.readString(f));
            }
        }
        return out;
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
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
