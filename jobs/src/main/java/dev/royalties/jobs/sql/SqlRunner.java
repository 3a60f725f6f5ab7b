package dev.royalties.jobs.sql;

import dev.royalties.jobs.ReaderCloseTimeout;
import dev.royalties.jobs.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs SQL of the query library on Flink's Table API in batch mode: first the DDL bundled in
 * royalties.jar ({@code sql/output_tables.sql} over an output folder, {@code sql/input_tables.sql}
 * over an input folder), then the statements of a query file. On `flink run` the Table API picks
 * up the cluster, so the same command runs a query on a session cluster.
 */
public final class SqlRunner implements AutoCloseable {
    public static final String OUTPUT_DDL = "sql/output_tables.sql";
    public static final String FUNCTIONS = "sql/functions.sql";
    public static final String INPUT_DDL = "sql/input_tables.sql";
    public static final String JDBC_DDL = "sql/jdbc_tables.sql";

    /** The rights database (PostgreSQL) for sql/jdbc_tables.sql; user and password may be null. */
    public record Jdbc(String url, String user, String password) {}

    private static final Pattern SET = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'((?:[^']|'')*)'$");
    private static final Pattern QUERY = Pattern.compile("(?is)^\\(*\\s*(SELECT|WITH|VALUES|SHOW|DESCRIBE|DESC|EXPLAIN)\\b.*");

    private final TableEnvironment tEnv;

    private SqlRunner(TableEnvironment tEnv) {
        this.tEnv = tEnv;
    }

    /**
     * A batch Table environment with the output tables over {@code output} and, when given, the
     * input tables over {@code input}. Instants print in UTC.
     */
    public static SqlRunner open(String output, String input) throws IOException {
        return open(output, input, null);
    }

    /** As {@link #open(String, String)}, plus the PostgreSQL tables of sql/jdbc_tables.sql when jdbc is given. */
    public static SqlRunner open(String output, String input, Jdbc jdbc) throws IOException {
        Configuration conf = ReaderCloseTimeout.applyTo(new Configuration());
        conf.setString("table.local-time-zone", "UTC");
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode().withConfiguration(conf).build());
        SqlRunner r = new SqlRunner(tEnv);
        r.execute(new SqlScript(FUNCTIONS, resource(FUNCTIONS)), Map.of());
        if (output != null) {
            r.execute(new SqlScript(OUTPUT_DDL, resource(OUTPUT_DDL)), Map.of("output", location(output)));
        }
        if (input != null) {
            r.execute(new SqlScript(INPUT_DDL, resource(INPUT_DDL)), Map.of("input", location(input)));
        }
        if (jdbc != null) {
            // An unset user or password leaves its option out (the driver's defaults apply).
            String ddl = resource(JDBC_DDL);
            if (jdbc.user() == null) {
                ddl = ddl.replaceAll("(?m)^\\s*'username' = '\\$\\{jdbc_user}',\\R", "");
            }
            if (jdbc.password() == null) {
                ddl = ddl.replaceAll("(?m),\\R\\s*'password' = '\\$\\{jdbc_password}'", "");
            }
            Map<String, String> v = new java.util.HashMap<>();
            v.put("jdbc_url", jdbc.url());
            v.put("jdbc_user", jdbc.user() == null ? "" : jdbc.user());
            v.put("jdbc_password", jdbc.password() == null ? "" : jdbc.password());
            r.execute(new SqlScript(JDBC_DDL, ddl), v);
        }
        return r;
    }

    public TableEnvironment tableEnvironment() {
        return tEnv;
    }

    /** Runs every statement of a script; returns the results of its queries, in order. */
    public List<SqlResult> execute(SqlScript script, Map<String, String> values) {
        List<SqlResult> results = new ArrayList<>();
        List<String> statements = script.statements(values);
        for (int i = 0; i < statements.size(); i++) {
            String stmt = statements.get(i);
            try {
                SqlResult r = execute(stmt);
                if (r != null) {
                    results.add(r);
                }
            } catch (UsageException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SqlFailure(script.name() + ", statement " + (i + 1) + " (" + firstWords(stmt) + "): "
                        + rootMessage(e), e);
            }
        }
        return results;
    }

    /** Runs one statement; a query's rows come back, anything else gives null. */
    public SqlResult execute(String stmt) {
        Matcher set = SET.matcher(stmt);
        if (set.matches()) {
            tEnv.getConfig().getConfiguration().setString(set.group(1), set.group(2).replace("''", "'"));
            return null;
        }
        TableResult result = tEnv.executeSql(stmt);
        if (!QUERY.matcher(stmt).matches() || result.getResultKind() != ResultKind.SUCCESS_WITH_CONTENT) {
            try {
                result.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
            }
            return null;
        }
        List<Column> cols = result.getResolvedSchema().getColumns();
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                List<Object> values = new ArrayList<>(row.getArity());
                for (int c = 0; c < row.getArity(); c++) {
                    values.add(row.getField(c));
                }
                rows.add(values);
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new RuntimeException(e);
        }
        return new SqlResult(stmt, cols.stream().map(Column::getName).toList(),
                cols.stream().map(c -> c.getDataType().getLogicalType().asSummaryString()).toList(), rows);
    }

    /** A bundled SQL file (sql/ at the root of the repository is packaged into the jar). */
    public static String resource(String name) throws IOException {
        try (InputStream in = SqlRunner.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath (is this royalties.jar?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A folder as the connector's 'path': URIs stay as given, local paths become absolute file: URIs. */
    static String location(String dir) {
        String d = dir.strip();
        if (d.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
        }
        Path p = Path.of(d).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new UsageException("sql: no such folder: " + p);
        }
        String uri = URI.create("file://" + p.toUri().getRawPath()).toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static String firstWords(String stmt) {
        String[] w = stmt.strip().split("\\s+");
        return String.join(" ", Arrays.copyOf(w, Math.min(3, w.length))).toUpperCase(Locale.ROOT);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        return msg.strip().lines().findFirst().orElse(msg);
    }

    @Override
    public void close() {
        // TableEnvironment holds no resources of its own in batch mode; jobs end with their results.
    }

    /** A statement that Flink rejected or that failed while running. */
    public static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(String message, Throwable cause) {
            // Suppressed, not the cause: the CLI reports the innermost cause, and this message
            // (file, statement, reason) is the one a user needs.
            super(message);
            addSuppressed(cause);
        }
    }
}
