package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Column;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.testing.Flink;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outputs are readable elsewhere without casts (issue 4 §5): DuckDB reads every output table
 * of the worked example's runs, sees DECIMAL(18,2) amounts, BIGINT counts and a UTC timestamp,
 * and every pool of every complete revision adds up.
 */
class DuckDbOutputsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static Path output;
    static Connection duck;

    @BeforeAll
    static void open() throws Exception {
        output = ExampleOutputs.monthlyRuns();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (TableSchema t : Tables.OUTPUTS) {
                if (!java.nio.file.Files.exists(output.resolve(t.name()))) {
                    continue; // model_comparison is only written with --compare-models
                }
                s.execute("CREATE VIEW " + t.name() + " AS SELECT * FROM read_parquet('" + output + "/" + t.name()
                        + "/*/*/*.parquet', hive_partitioning = true, hive_types = {'period': VARCHAR, 'revision': INTEGER})");
            }
            s.execute("CREATE VIEW complete_revisions AS SELECT DISTINCT "
                    + "regexp_extract(file, 'period=([0-9-]+)', 1) AS period, "
                    + "CAST(regexp_extract(file, 'revision=([0-9]+)', 1) AS INTEGER) AS revision "
                    + "FROM glob('" + output + "/_runs/period=*/revision=*/manifest.json')");
        }
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    static List<List<Object>> query(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = duck.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String duckType(Column c) {
        return switch (c.type()) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case MONEY -> "DECIMAL(18,2)";
            case SHARE -> "DECIMAL(9,6)";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Test
    void everyOutputTableHasTheContractsColumnTypes() throws Exception {
        for (TableSchema t : Tables.OUTPUTS) {
            Map<String, String> got = new LinkedHashMap<>();
            for (List<Object> row : query("DESCRIBE " + t.name())) {
                got.put((String) row.get(0), (String) row.get(1));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (Column c : t.columns()) {
                expected.put(c.name(), duckType(c));
            }
            expected.put("period", "VARCHAR");
            expected.put("revision", "INTEGER");
            assertThat(got).as(t.name()).containsExactlyEntriesOf(expected);
        }
        // And the Parquet physical/logical types themselves: INT64 micros UTC, not INT96.
        List<List<Object>> ts = query("SELECT DISTINCT type, logical_type FROM parquet_schema('" + output
                + "/ai_violations/*/*/*.parquet') WHERE name = 'used_at'");
        assertThat(ts).hasSize(1);
        assertThat(ts.get(0).get(0)).isEqualTo("INT64");
        assertThat((String) ts.get(0).get(1)).contains("isAdjustedToUTC=1").contains("MICROS=MicroSeconds()");
        List<List<Object>> money = query("SELECT DISTINCT type, logical_type FROM parquet_schema('" + output
                + "/artist_payments/*/*/*.parquet') WHERE name = 'amount'");
        assertThat(money).hasSize(1);
        assertThat((String) money.get(0).get(1)).contains("DecimalType(scale=2, precision=18)");
    }

    @Test
    void timestampsAreTheInstantsOfTheExpectedCsv() throws Exception {
        List<List<Object>> r = query("SELECT strftime(used_at, '%Y-%m-%d %H:%M:%S.%f') FROM ai_violations "
                + "WHERE revision = 1 AND usage_id = 'G00000000' AND artist_id = 'A00085'");
        assertThat(r).containsExactly(List.of("2026-10-25 13:59:50.690112"));
    }

    @Test
    void everyPoolOfEveryCompleteRevisionAddsUp() throws Exception {
        List<List<Object>> broken = query("""
                WITH paid AS (
                  SELECT period, revision, source, country, product, licensee_id, currency, SUM(amount) AS paid
                  FROM artist_payments GROUP BY ALL)
                SELECT r.period, r.revision, r.source, r.country, r.product, r.licensee_id, r.currency
                FROM pool_reconciliation r
                JOIN complete_revisions c USING (period, revision)
                LEFT JOIN paid p ON p.period = r.period AND p.revision = r.revision AND p.source = r.source
                  AND p.country IS NOT DISTINCT FROM r.country AND p.product IS NOT DISTINCT FROM r.product
                  AND p.licensee_id IS NOT DISTINCT FROM r.licensee_id AND p.currency = r.currency
                WHERE r.pool_amount <> r.allocated_amount + r.held_amount
                   OR r.allocated_amount <> COALESCE(p.paid, 0)""");
        assertThat(broken).isEmpty();

        List<List<Object>> totals = query("""
                SELECT r.revision, r.currency, COUNT(*), SUM(r.pool_amount), SUM(r.allocated_amount), SUM(r.held_amount)
                FROM pool_reconciliation r JOIN complete_revisions c USING (period, revision)
                GROUP BY ALL ORDER BY ALL""");
        List<List<Object>> expected = new ArrayList<>();
        for (int rev = 1; rev <= 2; rev++) {
            Map<String, List<Map<String, String>>> byCurrency = ExpectedCsv.rows(rev, "pool_reconciliation").stream()
                    .collect(Collectors.groupingBy(x -> x.get("currency"), TreeMap::new, Collectors.toList()));
            for (var e : byCurrency.entrySet()) {
                expected.add(List.of(rev, e.getKey(), (long) e.getValue().size(), sum(e.getValue(), "pool_amount"),
                        sum(e.getValue(), "allocated_amount"), sum(e.getValue(), "held_amount")));
            }
        }
        assertThat(totals).isEqualTo(expected); // the incomplete revision 3 is not among them
    }

    @Test
    void rowCountsMatchTheExpectedCsvs() throws Exception {
        for (int rev = 1; rev <= 2; rev++) {
            for (String table : List.of("artist_payments", "pool_reconciliation", "ai_violations", "adjustments")) {
                if (!ExpectedCsv.exists(rev, table)) {
                    continue;
                }
                List<List<Object>> n = query("SELECT COUNT(*) FROM " + table + " WHERE revision = " + rev);
                assertThat(n.get(0).get(0)).as("%s revision %d", table, rev)
                        .isEqualTo((long) ExpectedCsv.rows(rev, table).size());
            }
        }
    }

    static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(x -> new BigDecimal(x.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
