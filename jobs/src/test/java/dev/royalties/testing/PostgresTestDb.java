package dev.royalties.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server (zonky embedded binaries, 14.x) started once per test JVM and shared by
 * the test classes; each test gets its own fresh database. Starts in 3 to 5 s.
 */
public final class PostgresTestDb {
    private static EmbeddedPostgres server;

    private PostgresTestDb() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .start();
                server = pg;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates a fresh database and returns its JDBC URL (user postgres, no password). */
    public static String newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * An outage of one database, as the job sees it: its open connections are terminated and new
     * ones refused until the returned handle is closed. The server and the other databases stay up.
     */
    public static AutoCloseable outage(String jdbcUrl) {
        String name = databaseName(jdbcUrl);
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        return () -> admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    private static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Runs a statement as the superuser on the server's postgres database. */
    private static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    public static String user() {
        return "postgres";
    }

    /** Runs a SQL file of the repository (e.g. sql/jdbc/live_accruals.sql) on a database. */
    public static void runScript(String jdbcUrl, Path script) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user(), null);
             Statement s = c.createStatement()) {
            s.execute(Files.readString(script));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        }
    }

    /** The repository's top-level folder, from the jobs module's working directory. */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("sql")) ? here : here.getParent();
    }
}
