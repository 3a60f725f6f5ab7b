package dev.royalties.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.jobs.monthly.MonthlyOptions;
import dev.royalties.jobs.monthly.MonthlyRun;
import dev.royalties.rules.Consent;
import dev.royalties.testing.Flink;
import dev.royalties.testing.OutputCsv;
import dev.royalties.testing.PostgresTestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ai_consent from PostgreSQL (through flink-connector-jdbc) is the same consent, and gives the same payments, as from files. */
class JdbcConsentTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    @Test
    void consentFromPostgresIsTheFilesConsentAndTheMonthlyRunGivesTheSameOutputs(@TempDir Path work) throws Exception {
        List<Consent> fromFiles = LiveFixtures.exampleTable(Tables.AI_CONSENT, Tables.CONSENT);
        String db = PostgresTestDb.newDatabase();
        PostgresTestDb.runScript(db, PostgresTestDb.repoRoot().resolve("sql/jdbc/ai_consent.sql"));
        try (Connection c = DriverManager.getConnection(db);
             PreparedStatement ps = c.prepareStatement("INSERT INTO ai_consent VALUES (?, ?, ?, ?, ?)")) {
            for (Consent k : fromFiles) {
                ps.setString(1, k.artistId());
                ps.setString(2, k.scope());
                ps.setBoolean(3, k.granted());
                ps.setObject(4, at(k.effectiveFrom()));
                ps.setObject(5, at(k.recordedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }

        List<Consent> fromDb = JdbcConsent.read(db, "ai_consent", null, null);
        assertThat(fromDb).hasSize(fromFiles.size()).containsExactlyInAnyOrderElementsOf(fromFiles);

        // The monthly run with --consent-jdbc-url, on the example without its ai_consent folder.
        Path input = work.resolve("input");
        IngestEndToEndTest.copyTree(LiveFixtures.EXAMPLE_INPUT, input);
        try (var files = Files.walk(input.resolve("ai_consent"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Path out = work.resolve("output");
        MonthlyRun.run(MonthlyOptions.parse(new String[] {"--period", "2026-10", "--input", input.toString(),
            "--output", out.toString(), "--as-of", "2026-11-05T00:00:00Z", "--user-monthly-cap", "15",
            "--parallelism", "2", "--consent-jdbc-url", db, "--consent-table", "ai_consent"}),
                new PrintStream(new ByteArrayOutputStream()));
        IngestEndToEndTest.assertMatches(out, 1, "revision-1", Tables.ARTIST_PAYMENTS, Tables.POOL_RECONCILIATION,
                Tables.AI_VIOLATIONS);
        assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1))
                .anySatisfy(l -> assertThat(l).contains(",ai_training,"));
    }

    @Test
    void aTimestampColumnWithoutZoneIsReadAsUtcAndBadTableNamesAreRefused() throws Exception {
        String db = PostgresTestDb.newDatabase();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE consent_local (artist_id TEXT, scope TEXT, granted BOOLEAN,"
                    + " effective_from TIMESTAMP, recorded_at TIMESTAMP)");
            s.execute("INSERT INTO consent_local VALUES ('A1', 'training', true, '2026-10-01 00:00:00',"
                    + " '2026-09-30 12:00:00.123456'), ('A2', 'generation', NULL, NULL, '2026-09-30 12:00:00')");
        }
        List<Consent> rows = JdbcConsent.read(db, "consent_local", null, null);
        assertThat(rows).containsExactlyInAnyOrder(
                new Consent("A1", "training", true, dev.royalties.rules.Times.parseInstant("2026-10-01T00:00:00Z"),
                        dev.royalties.rules.Times.parseInstant("2026-09-30T12:00:00.123456Z")),
                new Consent("A2", "generation", null, dev.royalties.rules.Times.NULL,
                        dev.royalties.rules.Times.parseInstant("2026-09-30T12:00:00Z")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JdbcConsent.read(db, "ai_consent; DROP TABLE x",
                null, null)).hasMessageContaining("not a plain table name");
    }

    static OffsetDateTime at(long micros) {
        return OffsetDateTime.ofInstant(dev.royalties.rules.Times.instant(micros), ZoneOffset.UTC);
    }
}
