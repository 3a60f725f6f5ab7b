package dev.royalties.jobs.live;

import dev.royalties.rules.Consent;
import dev.royalties.rules.Times;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Reads ai_consent from the rights database (PostgreSQL) through flink-connector-jdbc: a small
 * bounded Flink job with the JDBC source, collected to the client. The rows are returned as read
 * (nothing filtered): the monthly run validates them and applies as-of like any consent input.
 * Timestamps: `timestamptz` columns are instants; `timestamp` columns (no zone) are read as UTC, as
 * every timestamp of the contract is (spec §2). DDL: sql/jdbc/ai_consent.sql.
 */
public final class JdbcConsent {
    private JdbcConsent() {}

    public static List<Consent> read(String url, String table, String user, String password) throws Exception {
        String t = AccrualsJdbc.checkedTable(table == null ? "ai_consent" : table);
        JdbcSource<Consent> source = JdbcSource.<Consent>builder()
                .setDBUrl(url)
                .setDriverName("org.postgresql.Driver")
                .setUsername(user)
                .setPassword(password)
                .setSql("SELECT artist_id, scope, granted, effective_from, recorded_at FROM " + t)
                .setResultExtractor(new ConsentExtractor())
                .setTypeInformation(TypeInformation.of(Consent.class))
                // Stack notes: the default guarantee lost rows on failover; this pair never did.
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)
                .build();
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        List<Consent> out = new ArrayList<>();
        try (CloseableIterator<Consent> it = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "ai_consent (jdbc)")
                .executeAndCollect("royalties: read ai_consent from " + t)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** One ai_consent row; nulls stay nulls (the monthly run's validation reports them). */
    static final class ConsentExtractor implements
            org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor<Consent> {
        private static final long serialVersionUID = 1L;

        @Override
        public Consent extract(ResultSet rs) throws SQLException {
            boolean granted = rs.getBoolean(3);
            Boolean g = rs.wasNull() ? null : granted;
            return new Consent(rs.getString(1), rs.getString(2), g, micros(rs, 4), micros(rs, 5));
        }

        private static long micros(ResultSet rs, int col) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            boolean zoned = md.getColumnType(col) == Types.TIMESTAMP_WITH_TIMEZONE
                    || "timestamptz".equalsIgnoreCase(md.getColumnTypeName(col));
            if (zoned) {
                OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
                return t == null ? Times.NULL : Times.micros(t.toInstant());
            }
            LocalDateTime t = rs.getObject(col, LocalDateTime.class);
            return t == null ? Times.NULL : Times.micros(t.toInstant(ZoneOffset.UTC));
        }
    }
}
