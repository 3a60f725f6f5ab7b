package dev.royalties.jobs.live;

import dev.royalties.jobs.Royalties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * live_accruals in PostgreSQL through flink-connector-jdbc's {@link JdbcSink} (DDL in
 * sql/jdbc/live_accruals.sql). Each record is a batch of absolute counts (one flush of
 * {@link CountAccruals}, a key at most once); it is written by one statement that upserts the
 * whole batch from arrays:
 *
 * <pre>
 * INSERT INTO live_accruals (...) SELECT ... FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[])
 * ON CONFLICT (day, artist_id, country, product) DO UPDATE SET eligible_plays = EXCLUDED.eligible_plays, ...
 *   WHERE live_accruals.eligible_plays IS DISTINCT FROM EXCLUDED.eligible_plays
 * </pre>
 *
 * Five parameters per statement instead of five per row: the client binds little, the server plans
 * once per batch, and a rewrite after a replay that changes nothing leaves the row alone. The sink
 * writes each batch as it comes (batch size 1: the batching is upstream) in the task's thread, so a
 * slow database slows the flushes down and {@link CountAccruals} coalesces more; it retries a failed
 * statement on a fresh connection.
 *
 * <p>Delivery is at-least-once; the upserts are idempotent (absolute values), so after a failure
 * and a replay from the checkpoint the table converges to the exactly-once counts.
 */
public final class AccrualsJdbc {
    /** What the upsert writes (and the check at start reads). */
    private static final String COLUMNS = "day, artist_id, country, product, eligible_plays, updated_at";
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private AccrualsJdbc() {}

    /** Where the accruals of a job go (PostgreSQL in production and in the tests). */
    @FunctionalInterface
    public interface Output {
        void attach(DataStream<AccrualBatch> accruals);
    }

    /**
     * Before the job is submitted: the table can be read with the columns the upsert writes. A wrong
     * URL, missing credentials or a table not created yet (sql/jdbc/live_accruals.sql) is then one
     * line at start, not a job that restarts again and again. The URL is named without its query
     * string, which may hold a password.
     */
    public static void checkReachable(String url, String user, String password, String table) {
        String sql = "SELECT " + COLUMNS + " FROM " + checkedTable(table) + " WHERE false";
        SimpleJdbcConnectionProvider connections = new SimpleJdbcConnectionProvider(connection(url, user, password));
        try (PreparedStatement ps = connections.getOrEstablishConnection().prepareStatement(sql)) {
            ps.executeQuery().close();
        } catch (SQLException | ClassNotFoundException e) {
            throw new IllegalStateException("ingest: live accruals: cannot use table " + table + " at "
                    + Royalties.withoutQuery(url) + ": " + Royalties.oneLine(e));
        } finally {
            connections.closeConnection();
        }
    }

    /** The same connection for the sink and the check at start. */
    static JdbcConnectionOptions connection(String url, String user, String password) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(url).withDriverName("org.postgresql.Driver");
        if (user != null) {
            connection.withUsername(user);
        }
        if (password != null) {
            connection.withPassword(password);
        }
        return connection.build();
    }

    /** A plain (optionally schema-qualified) SQL identifier: table names are spliced into SQL. */
    public static String checkedTable(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: '" + table + "'");
        }
        return table;
    }

    static String upsert(String table) {
        String t = checkedTable(table);
        return "INSERT INTO " + t + " AS t (" + COLUMNS + ")"
                + " SELECT DATE '1970-01-01' + u.d, u.a, u.c, u.p, u.n, now()"
                + " FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(d, a, c, p, n)"
                + " ON CONFLICT (day, artist_id, country, product) DO UPDATE"
                + " SET eligible_plays = EXCLUDED.eligible_plays, updated_at = EXCLUDED.updated_at"
                + " WHERE t.eligible_plays IS DISTINCT FROM EXCLUDED.eligible_plays";
    }

    public static Output postgres(String url, String user, String password, String table) {
        String sql = upsert(table);
        JdbcConnectionOptions options = connection(url, user, password);
        return accruals -> accruals.sinkTo(new QuietCloseJdbcSink<>(JdbcSink.<AccrualBatch>builder()
                        .withQueryStatement(sql, new BindColumns())
                        .withExecutionOptions(JdbcExecutionOptions.builder()
                                .withBatchSize(1).withBatchIntervalMs(0).withMaxRetries(3).build())
                        .buildAtLeastOnce(options)))
                .name("live_accruals (postgresql upsert)").uid("live-accruals-jdbc");
    }

    /** The batch's columns as the statement's five array parameters. */
    static final class BindColumns implements JdbcStatementBuilder<AccrualBatch> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, AccrualBatch b) throws SQLException {
            Connection c = ps.getConnection();
            Integer[] days = new Integer[b.size];
            Long[] counts = new Long[b.size];
            for (int i = 0; i < b.size; i++) {
                days[i] = b.days[i];
                counts[i] = b.eligiblePlays[i];
            }
            AccrualBatch t = b.trimmed();
            ps.setArray(1, c.createArrayOf("int4", days));
            ps.setArray(2, c.createArrayOf("text", t.artistIds));
            ps.setArray(3, c.createArrayOf("text", t.countries));
            ps.setArray(4, c.createArrayOf("text", t.products));
            ps.setArray(5, c.createArrayOf("int8", counts));
        }
    }
}
