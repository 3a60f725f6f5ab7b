package dev.royalties.jobs.live;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * live_accruals in PostgreSQL through flink-connector-jdbc: an upsert of the absolute count per
 * (day, artist, country, product); DDL in sql/jdbc/live_accruals.sql. At-least-once delivery of
 * idempotent upserts: after a failure the job replays from its checkpoint and writes the same
 * counts again, so the table converges to exactly-once values.
 */
public final class AccrualsJdbc {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private AccrualsJdbc() {}

    public static String upsert(String table) {
        return "INSERT INTO " + checkedTable(table)
                + " (day, artist_id, country, product, eligible_plays, updated_at) VALUES (?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (day, artist_id, country, product) DO UPDATE SET"
                + " eligible_plays = EXCLUDED.eligible_plays, updated_at = EXCLUDED.updated_at";
    }

    /** A plain (optionally schema-qualified) SQL identifier: table names are spliced into SQL. */
    public static String checkedTable(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: '" + table + "'");
        }
        return table;
    }

    public static JdbcConnectionOptions connection(String url, String user, String password) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(url).withDriverName("org.postgresql.Driver");
        if (user != null) {
            b.withUsername(user);
        }
        if (password != null) {
            b.withPassword(password);
        }
        return b.build();
    }

    public static JdbcSink<Accrual> sink(String url, String user, String password, String table, long batchIntervalMs) {
        return JdbcSink.<Accrual>builder()
                .withQueryStatement(upsert(table), (ps, a) -> {
                    ps.setObject(1, LocalDate.ofEpochDay(a.day));
                    ps.setString(2, a.artistId);
                    ps.setString(3, a.country);
                    ps.setString(4, a.product);
                    ps.setLong(5, a.eligiblePlays);
                })
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(2_000)
                        .withBatchIntervalMs(batchIntervalMs)
                        .withMaxRetries(3)
                        .build())
                .buildAtLeastOnce(connection(url, user, password));
    }
}
