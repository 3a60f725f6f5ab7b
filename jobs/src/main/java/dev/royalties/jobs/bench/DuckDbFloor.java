package dev.royalties.jobs.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The floor the bench compares with: DuckDB, a columnar engine, on the same Parquet files in the
 * same session. DuckDB's driver (80 MB of native libraries) is not inside royalties.jar, which a
 * cluster ships to every worker: the build copies it to bench-lib/ beside the jar, and it is
 * loaded from there (or from the class path, as in tests) only when the bench runs.
 */
public final class DuckDbFloor implements AutoCloseable {
    static final String DRIVER = "org.duckdb.DuckDBDriver";

    private final Connection connection;
    private final String version;
    private final int threads;

    /** What one query took and what it returned (label to count), so its work can be checked. */
    public record Timed(long nanos, Map<String, Long> counts) {}

    private DuckDbFloor(Connection connection, int threads) throws SQLException {
        this.connection = connection;
        this.threads = threads;
        this.version = one("SELECT version()");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
        }
    }

    /** An in-memory DuckDB with {@code threads} threads that spills to {@code spill}, or null if absent. */
    public static DuckDbFloor open(int threads, Path spill) throws Exception {
        return open(threads, spill, null);
    }

    /**
     * The same with a memory limit in DuckDB's own words ({@code 10GB}), or its default (80 % of the
     * RAM) when null. A limit leaves room for the variants the bench starts after DuckDB in the same
     * run: at 200 M plays DuckDB would otherwise keep most of the machine.
     */
    public static DuckDbFloor open(int threads, Path spill, String memoryLimit) throws Exception {
        Driver driver = driver();
        if (driver == null) {
            return null;
        }
        Connection c = driver.connect("jdbc:duckdb:", new Properties());
        Files.createDirectories(spill);
        try (Statement s = c.createStatement()) {
            s.execute("SET temp_directory = " + literal(spill.toString()));
            if (memoryLimit != null) {
                s.execute("SET memory_limit = " + literal(memoryLimit));
            }
        }
        return new DuckDbFloor(c, threads);
    }

    public String describe() {
        return "DuckDB " + version + ", " + threads + " threads";
    }

    /**
     * The scan floor: the seven play columns of every plays file, grouped by (country, product,
     * track). Every column feeds an aggregate so that DuckDB cannot skip reading it.
     */
    public Timed scanAndGroup(Path input) throws SQLException {
        String sql = "SELECT count(*) AS groups, sum(n) AS plays FROM ("
                + " SELECT country, product, track_id, count(*) AS n, sum(ms_played) AS ms, min(played_at) AS first,"
                + " max(play_id) AS last_play, max(user_id) AS last_user"
                + " FROM " + files(input, "plays") + " GROUP BY country, product, track_id)";
        long t0 = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            counts.put("groups", r.getLong(1));
            counts.put("plays", r.getLong(2));
        }
        return new Timed(System.nanoTime() - t0, counts);
    }

    /** The contract's core as plain SQL (see {@link ContractCoreSql}): plays by status. */
    public Timed contractCore(ContractCoreSql query) throws SQLException {
        long t0 = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query.sql())) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return new Timed(System.nanoTime() - t0, counts);
    }

    static String files(Path input, String table) {
        return "read_parquet(" + literal(input.resolve(table) + "/**/*.parquet") + ", union_by_name = true)";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String one(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static Driver driver() throws Exception {
        Class<?> type;
        try {
            type = Class.forName(DRIVER);
        } catch (ClassNotFoundException onClassPath) {
            Path jar = benchLibJar();
            if (jar == null) {
                return null;
            }
            // Never closed: the driver's native library stays loaded for the JVM's lifetime anyway.
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    DuckDbFloor.class.getClassLoader());
            type = Class.forName(DRIVER, true, loader);
        }
        return (Driver) type.getConstructor().newInstance();
    }

    /** bench-lib/duckdb_jdbc-*.jar beside the jar (or classes folder) this class was loaded from. */
    private static Path benchLibJar() throws Exception {
        Path here = Path.of(DuckDbFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = here.resolveSibling("bench-lib");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "duckdb_jdbc-*.jar")) {
            for (Path p : jars) {
                return p;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
