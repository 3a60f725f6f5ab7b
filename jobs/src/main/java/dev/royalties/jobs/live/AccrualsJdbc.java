package dev.royalties.jobs.live;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * live_accruals in PostgreSQL through flink-connector-jdbc's upsert sink (`'connector' = 'jdbc'`
 * with a primary key; DDL in sql/jdbc/live_accruals.sql). Each row is the absolute count of
 * (day, artist, country, product). The sink buffers rows and keeps only the latest per key before
 * each write (so a batch never holds a key twice), and the PostgreSQL driver rewrites a batch into
 * multi-row `INSERT … ON CONFLICT DO UPDATE` statements (reWriteBatchedInserts): an order of
 * magnitude faster than one statement per row. Buffers are flushed on every checkpoint.
 *
 * <p>Delivery is at-least-once; the upserts are idempotent (absolute values), so after a failure
 * and a replay from the checkpoint the table converges to the exactly-once counts.
 */
public final class AccrualsJdbc {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    static final String[] COLUMNS = {"day", "artist_id", "country", "product", "eligible_plays"};

    private AccrualsJdbc() {}

    /** Where the accruals of a job go (PostgreSQL in production and in the tests). */
    @FunctionalInterface
    public interface Output {
        void attach(DataStream<Accrual> accruals);
    }

    /** A plain (optionally schema-qualified) SQL identifier: table names are spliced into SQL. */
    public static String checkedTable(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: '" + table + "'");
        }
        return table;
    }

    /** The PostgreSQL URL with batched statements rewritten to multi-row statements. */
    static String batchedUrl(String url) {
        if (url.contains("reWriteBatchedInserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    public static Output postgres(String url, String user, String password, String table, long flushIntervalMs) {
        String t = checkedTable(table);
        return accruals -> {
            StreamTableEnvironment tEnv = StreamTableEnvironment.create(accruals.getExecutionEnvironment());
            // The input is insert-only and already keyed by the primary key: no upsert materializer.
            tEnv.getConfig().set("table.exec.sink.upsert-materialize", "NONE");
            StringBuilder ddl = new StringBuilder("CREATE TEMPORARY TABLE live_accruals_sink (")
                    .append("`day` DATE NOT NULL, artist_id STRING NOT NULL, country STRING NOT NULL,")
                    .append(" product STRING NOT NULL, eligible_plays BIGINT NOT NULL,")
                    .append(" PRIMARY KEY (`day`, artist_id, country, product) NOT ENFORCED) WITH (")
                    .append("'connector' = 'jdbc', 'url' = '").append(quote(batchedUrl(url))).append("', ")
                    .append("'table-name' = '").append(t).append("', ")
                    .append("'driver' = 'org.postgresql.Driver', ")
                    .append("'sink.buffer-flush.max-rows' = '10000', ")
                    .append("'sink.buffer-flush.interval' = '").append(flushIntervalMs).append("ms', ")
                    .append("'sink.max-retries' = '3'");
            if (user != null) {
                ddl.append(", 'username' = '").append(quote(user)).append("'");
            }
            if (password != null) {
                ddl.append(", 'password' = '").append(quote(password)).append("'");
            }
            tEnv.executeSql(ddl.append(")").toString());
            DataStream<Row> rows = accruals
                    .map(a -> Row.of(LocalDate.ofEpochDay(a.day), a.artistId, a.country, a.product, a.eligiblePlays))
                    .returns(rowType()).name("accruals as rows");
            tEnv.createTemporaryView("live_accruals_changes", rows);
            StreamStatementSet set = tEnv.createStatementSet();
            set.addInsertSql("INSERT INTO live_accruals_sink SELECT * FROM live_accruals_changes");
            set.attachAsDataStream();
        };
    }

    static TypeInformation<Row> rowType() {
        return Types.ROW_NAMED(COLUMNS, Types.LOCAL_DATE, Types.STRING, Types.STRING, Types.STRING, Types.LONG);
    }

    private static String quote(String s) {
        return s.replace("'", "''");
    }
}
