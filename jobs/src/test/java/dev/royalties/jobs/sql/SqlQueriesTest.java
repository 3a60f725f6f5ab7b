package dev.royalties.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.flink.test.junit5.MiniClusterExtension;
import dev.royalties.testing.Flink;

/**
 * Every query file of sql/queries/ (as packaged into royalties.jar) on the worked example's
 * outputs: revisions 1 and 2 of the monthly run, and an incomplete revision 3 (no manifest) that
 * no query may read. Expected values are computed from the expected CSVs.
 */
class SqlQueriesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static Path output;
    static SqlRunner sql;

    @BeforeAll
    static void open() throws Exception {
        output = ExampleOutputs.monthlyRuns();
        sql = SqlRunner.open(output.toString(), ExpectedCsv.input().toString());
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    static SqlResult query(String file, Map<String, String> params) throws Exception {
        String name = "sql/queries/" + file;
        List<SqlResult> results = sql.execute(new SqlScript(name, SqlRunner.resource(name)), params);
        assertThat(results).as(file).hasSize(1);
        return results.get(0);
    }

    static List<Map<String, Object>> rows(SqlResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.columns().size(); i++) {
                m.put(r.columns().get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static Long lng(String s) {
        return s == null ? null : Long.valueOf(s);
    }

    static String poolKey(Map<String, ?> r) {
        return r.get("source") + "|" + r.get("country") + "|" + r.get("product") + "|" + r.get("licensee_id") + "|"
                + r.get("currency");
    }

    // ---- artist_statement.sql ----

    @Test
    void artistStatementListsEveryPaymentOfTheLatestCompleteRevisionAndTotalsPerCurrency() throws Exception {
        assertStatement("A00000", "latest", 2);
        assertStatement("A00005", "1", 1);
        assertStatement("A00005", "2", 2);
    }

    @Test
    void artistStatementOfAnIncompleteRevisionIsEmpty() throws Exception {
        SqlResult r = query("artist_statement.sql", Map.of("artist", "A00000", "period", "2026-10", "revision", "3"));
        assertThat(r.rows()).isEmpty();
    }

    void assertStatement(String artist, String revision, int expectedRevision) throws Exception {
        SqlResult r = query("artist_statement.sql", Map.of("artist", artist, "period", "2026-10", "revision", revision));
        List<String> got = new ArrayList<>();
        for (Map<String, Object> m : rows(r)) {
            assertThat(m.get("period")).isEqualTo("2026-10");
            assertThat(m.get("revision")).isEqualTo(expectedRevision);
            got.add(m.get("source") + "," + Objects.toString(m.get("country"), "") + ","
                    + Objects.toString(m.get("product"), "") + "," + Objects.toString(m.get("licensee_id"), "") + ","
                    + m.get("currency") + "," + Objects.toString(m.get("units"), "") + ","
                    + ((BigDecimal) m.get("amount")).toPlainString());
        }
        List<Map<String, String>> lines = ExpectedCsv.rows(expectedRevision, "artist_payments").stream()
                .filter(x -> x.get("artist_id").equals(artist)).toList();
        assertThat(lines).isNotEmpty();
        List<String> expected = new ArrayList<>();
        lines.stream().sorted(Comparator.comparing((Map<String, String> x) -> x.get("currency"))
                        .thenComparing(x -> x.get("source"))
                        .thenComparing(x -> Objects.toString(x.get("country"), ""))
                        .thenComparing(x -> Objects.toString(x.get("product"), ""))
                        .thenComparing(x -> Objects.toString(x.get("licensee_id"), "")))
                .forEach(x -> expected.add(x.get("source") + "," + Objects.toString(x.get("country"), "") + ","
                        + Objects.toString(x.get("product"), "") + "," + Objects.toString(x.get("licensee_id"), "")
                        + "," + x.get("currency") + "," + x.get("units") + "," + x.get("amount")));
        new TreeMap<>(lines.stream().collect(Collectors.groupingBy(x -> x.get("currency"),
                Collectors.reducing(BigDecimal.ZERO, x -> dec(x.get("amount")), BigDecimal::add))))
                .forEach((cur, total) -> expected.add("TOTAL,,,," + cur + ",," + total.toPlainString()));
        assertThat(got).isEqualTo(expected);
    }

    // ---- top_artists.sql ----

    @Test
    void topArtistsPerPoolByAmountThenArtistId() throws Exception {
        SqlResult r = query("top_artists.sql", Map.of("period", "2026-10", "top", "3"));
        Map<String, List<Map<String, String>>> byPool = ExpectedCsv.rows(2, "artist_payments").stream()
                .collect(Collectors.groupingBy(SqlQueriesTest::poolKey, TreeMap::new, Collectors.toList()));
        Map<String, BigDecimal> poolAmount = ExpectedCsv.rows(2, "pool_reconciliation").stream()
                .collect(Collectors.toMap(SqlQueriesTest::poolKey, x -> dec(x.get("pool_amount"))));
        Map<String, List<String>> expected = new TreeMap<>();
        byPool.forEach((pool, list) -> expected.put(pool, list.stream()
                .sorted(Comparator.comparing((Map<String, String> x) -> dec(x.get("amount"))).reversed()
                        .thenComparing(x -> x.get("artist_id")))
                .limit(3).map(x -> x.get("artist_id") + "=" + x.get("amount")).toList()));
        Map<String, List<String>> got = new TreeMap<>();
        for (Map<String, Object> m : rows(r)) {
            String pool = poolKey(m);
            List<String> list = got.computeIfAbsent(pool, k -> new ArrayList<>());
            list.add(m.get("artist_id") + "=" + ((BigDecimal) m.get("amount")).toPlainString());
            assertThat(((Number) m.get("rank_in_pool")).intValue()).isEqualTo(list.size());
            assertThat((BigDecimal) m.get("pool_amount")).isEqualByComparingTo(poolAmount.get(pool));
            BigDecimal pct = ((BigDecimal) m.get("amount")).multiply(BigDecimal.valueOf(100))
                    .divide(poolAmount.get(pool), 4, RoundingMode.HALF_UP);
            assertThat((BigDecimal) m.get("pct_of_pool")).isCloseTo(pct, within(new BigDecimal("0.01")));
        }
        assertThat(got).isEqualTo(expected);
        assertThat(got).hasSize(27); // 32 pools; the four NO pools and L4's have no payees
    }

    // ---- fraud_share.sql ----

    @Test
    void fraudShareByCountryAndProduct() throws Exception {
        for (int rev = 1; rev <= 2; rev++) {
            SqlResult r = query("fraud_share.sql", Map.of("period", "2026-10", "revision", "" + rev));
            Map<String, Map<String, String>> expected = ExpectedCsv.rows(rev, "pool_reconciliation").stream()
                    .filter(x -> x.get("source").equals("catalogue"))
                    .collect(Collectors.toMap(x -> x.get("country") + "/" + x.get("product"), x -> x));
            assertThat(r.rows()).hasSize(expected.size()).hasSize(28);
            for (Map<String, Object> m : rows(r)) {
                Map<String, String> e = expected.get(m.get("country") + "/" + m.get("product"));
                long total = 0;
                for (String c : List.of("eligible_units", "unmatched_units", "fraud_units", "ai_generated_units",
                        "short_units", "capped_units")) {
                    total += Long.parseLong(e.get(c));
                }
                assertThat(m.get("total_plays")).isEqualTo(total);
                assertThat(m.get("fraud_plays")).isEqualTo(lng(e.get("fraud_units")));
                assertThat(m.get("eligible_plays")).isEqualTo(lng(e.get("eligible_units")));
                if (total == 0) {
                    assertThat(m.get("fraud_pct")).isNull();
                } else {
                    BigDecimal pct = BigDecimal.valueOf(Long.parseLong(e.get("fraud_units")) * 100)
                            .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
                    assertThat((BigDecimal) m.get("fraud_pct")).isCloseTo(pct, within(new BigDecimal("0.01")));
                }
            }
        }
    }

    // ---- revision_changes.sql ----

    @Test
    void revisionChangesAreTheAdjustmentsWithTheirPoolsMovements() throws Exception {
        SqlResult r = query("revision_changes.sql", Map.of("period", "2026-10"));
        Map<String, Map<String, String>> before = ExpectedCsv.rows(1, "pool_reconciliation").stream()
                .collect(Collectors.toMap(SqlQueriesTest::poolKey, x -> x));
        Map<String, Map<String, String>> after = ExpectedCsv.rows(2, "pool_reconciliation").stream()
                .collect(Collectors.toMap(SqlQueriesTest::poolKey, x -> x));
        List<Map<String, String>> adjustments = ExpectedCsv.rows(2, "adjustments");
        List<Map<String, Object>> got = rows(r);
        assertThat(got).hasSize(adjustments.size());
        for (int i = 0; i < got.size(); i++) {
            Map<String, Object> m = got.get(i);
            Map<String, String> a = adjustments.get(i);
            assertThat(m.get("artist_id")).isEqualTo(a.get("artist_id"));
            assertThat(poolKey(m)).isEqualTo(poolKey(a));
            assertThat(m.get("previous_revision")).isEqualTo(1);
            assertThat(m.get("revision")).isEqualTo(2);
            assertThat((BigDecimal) m.get("previous_amount")).isEqualByComparingTo(a.get("previous_amount"));
            assertThat((BigDecimal) m.get("amount")).isEqualByComparingTo(a.get("amount"));
            assertThat((BigDecimal) m.get("delta")).isEqualByComparingTo(a.get("delta"));
            Map<String, String> o = before.get(poolKey(a));
            Map<String, String> n = after.get(poolKey(a));
            assertThat(m.get("d_fraud")).isEqualTo(Long.parseLong(n.get("fraud_units")) - Long.parseLong(o.get("fraud_units")));
            assertThat(m.get("d_violation"))
                    .isEqualTo(Long.parseLong(n.get("violation_units")) - Long.parseLong(o.get("violation_units")));
            assertThat(m.get("d_eligible"))
                    .isEqualTo(Long.parseLong(n.get("eligible_units")) - Long.parseLong(o.get("eligible_units")));
            assertThat((String) m.get("why")).as("why of %s", m).isNotBlank();
            if ((Long) m.get("d_fraud") > 0) {
                assertThat((String) m.get("why")).contains("more fraud found");
            }
            if ((Long) m.get("d_violation") < 0) {
                assertThat((String) m.get("why")).contains("consent recorded");
            }
        }
        // Spot checks: FR premium lost one fraud play on appeal; A00005 consented to training.
        assertThat(got).anySatisfy(m -> {
            assertThat(m.get("artist_id")).isEqualTo("A00000");
            assertThat(poolKey(m)).isEqualTo("catalogue|FR|premium|null|EUR");
            assertThat((String) m.get("why")).contains("fraud cleared");
        });
        assertThat(got).anySatisfy(m -> {
            assertThat(m.get("artist_id")).isEqualTo("A00005");
            assertThat(poolKey(m)).isEqualTo("ai_training|null|null|L1|EUR");
            assertThat((String) m.get("why")).contains("consent recorded");
        });
    }

    // ---- ai_violations_by_licensee.sql ----

    @Test
    void aiViolationsByLicenseeAndModel() throws Exception {
        SqlResult r = query("ai_violations_by_licensee.sql", Map.of("period", "2026-10"));
        record Key(String licensee, String model, String scope, String reason) {}
        Map<Key, List<Map<String, String>>> groups = ExpectedCsv.rows(2, "ai_violations").stream()
                .collect(Collectors.groupingBy(x -> new Key(x.get("licensee_id"), x.get("model_id"), x.get("scope"),
                        x.get("reason"))));
        List<Map<String, Object>> got = rows(r);
        assertThat(got).hasSize(groups.size());
        long noConsentL1Training = 0;
        for (Map<String, Object> m : got) {
            List<Map<String, String>> g = groups.get(new Key((String) m.get("licensee_id"), (String) m.get("model_id"),
                    (String) m.get("scope"), (String) m.get("reason")));
            assertThat(g).as("group %s", m).isNotNull();
            Map<String, Long> perUsage = new HashMap<>();
            g.forEach(x -> perUsage.put(x.get("usage_id"), Long.parseLong(x.get("units"))));
            assertThat(m.get("usages")).isEqualTo((long) perUsage.size());
            assertThat(m.get("pairs")).isEqualTo((long) g.size());
            assertThat(m.get("artists")).isEqualTo(g.stream().map(x -> x.get("artist_id")).distinct().count());
            assertThat(m.get("violation_units")).isEqualTo(g.stream().mapToLong(x -> Long.parseLong(x.get("units"))).sum());
            assertThat(m.get("usage_units")).isEqualTo(perUsage.values().stream().mapToLong(Long::longValue).sum());
            Instant first = g.stream().map(x -> Instant.ofEpochSecond(0, ExampleOutputs.micros(x.get("used_at")) * 1000))
                    .min(Comparator.naturalOrder()).orElseThrow();
            Instant last = g.stream().map(x -> Instant.ofEpochSecond(0, ExampleOutputs.micros(x.get("used_at")) * 1000))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(m.get("first_used_at")).isEqualTo(first);
            assertThat(m.get("last_used_at")).isEqualTo(last);
            if ("L1".equals(m.get("licensee_id")) && "training".equals(m.get("scope"))
                    && "no_consent".equals(m.get("reason"))) {
                noConsentL1Training += (Long) m.get("violation_units");
            }
        }
        // The pool's violation_units count the same (usage, artist) pairs (spec §9).
        assertThat(noConsentL1Training).isEqualTo(100540L);
    }

    // ---- reconciliation_check.sql ----

    @Test
    void everyPoolOfEveryCompleteRevisionAddsUp() throws Exception {
        SqlResult r = query("reconciliation_check.sql", Map.of());
        List<String> got = new ArrayList<>();
        for (Map<String, Object> m : rows(r)) {
            assertThat(m.get("failing_pools")).as("%s", m).isEqualTo(0L);
            assertThat((BigDecimal) m.get("allocated_amount")).isEqualByComparingTo((BigDecimal) m.get("paid_to_artists"));
            assertThat(((BigDecimal) m.get("pool_amount")))
                    .isEqualByComparingTo(((BigDecimal) m.get("allocated_amount")).add((BigDecimal) m.get("held_amount")));
            got.add(m.get("period") + "/" + m.get("revision") + "/" + m.get("currency") + " pools=" + m.get("pools")
                    + " pool=" + m.get("pool_amount") + " allocated=" + m.get("allocated_amount")
                    + " rows=" + m.get("payment_rows"));
        }
        List<String> expected = new ArrayList<>();
        for (int rev = 1; rev <= 2; rev++) {
            int revision = rev;
            Map<String, List<Map<String, String>>> byCurrency = ExpectedCsv.rows(rev, "pool_reconciliation").stream()
                    .collect(Collectors.groupingBy(x -> x.get("currency"), TreeMap::new, Collectors.toList()));
            Map<String, Long> payments = ExpectedCsv.rows(rev, "artist_payments").stream()
                    .collect(Collectors.groupingBy(x -> x.get("currency"), Collectors.counting()));
            byCurrency.forEach((cur, pools) -> expected.add("2026-10/" + revision + "/" + cur + " pools=" + pools.size()
                    + " pool=" + pools.stream().map(x -> dec(x.get("pool_amount"))).reduce(BigDecimal.ZERO, BigDecimal::add)
                    + " allocated=" + pools.stream().map(x -> dec(x.get("allocated_amount")))
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                    + " rows=" + payments.get(cur)));
        }
        assertThat(got).isEqualTo(expected); // revision 3 (no manifest) is not there
    }

    // ---- the DDL itself ----

    @Test
    void completeRevisionsAreThoseWithAManifest() throws Exception {
        SqlResult all = sql.execute("SELECT DISTINCT `period`, revision FROM artist_payments ORDER BY revision");
        assertThat(all.rows()).extracting(x -> x.get(1)).containsExactly(1, 2, 3);
        SqlResult complete = sql.execute("SELECT `period`, revision FROM complete_revisions ORDER BY revision");
        assertThat(complete.rows()).extracting(x -> x.get(1)).containsExactly(1, 2);
        SqlResult latest = sql.execute("SELECT `period`, revision FROM latest_revisions");
        assertThat(latest.rows()).containsExactly(List.of("2026-10", 2));
    }

    @Test
    void outputColumnsHaveTheContractsTypes() throws Exception {
        SqlResult r = sql.execute("SELECT p.amount, p.units, v.used_at, r.pool_amount FROM artist_payments p, ai_violations v, "
                + "pool_reconciliation r LIMIT 0");
        assertThat(r.types()).containsExactly("DECIMAL(18, 2)", "BIGINT", "TIMESTAMP_LTZ(6)", "DECIMAL(18, 2)");
        SqlResult q = sql.execute("SELECT source_table, COUNT(*) FROM quarantine q JOIN complete_revisions c "
                + "ON q.`period` = c.`period` AND q.revision = c.revision WHERE c.revision = 2 GROUP BY source_table "
                + "ORDER BY source_table");
        assertThat(q.rows()).containsExactly(List.of("ai_usage", 9L), List.of("plays", 7L));
    }

    @Test
    void inputTablesReadEveryFileOfTheInputFolder() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (dev.royalties.io.TableSchema t : List.of(dev.royalties.io.Tables.PLAYS, dev.royalties.io.Tables.TRACKS,
                dev.royalties.io.Tables.TRACK_RIGHTS, dev.royalties.io.Tables.REVENUE_POOLS,
                dev.royalties.io.Tables.FRAUD_VERDICTS, dev.royalties.io.Tables.AI_CONSENT,
                dev.royalties.io.Tables.AI_USAGE, dev.royalties.io.Tables.AI_LICENCES)) {
            expected.put(t.name(), (long) dev.royalties.io.TableFiles.readAll(new org.apache.flink.core.fs.Path(
                    ExpectedCsv.input().resolve(t.name()).toUri()), t, row -> 1).size());
            SqlResult r = sql.execute("SELECT COUNT(*) FROM " + t.name());
            assertThat(r.rows().get(0).get(0)).as(t.name()).isEqualTo(expected.get(t.name()));
        }
        SqlResult shares = sql.execute("SELECT track_id, SUM(share) FROM track_rights GROUP BY track_id "
                + "HAVING SUM(share) <> 1");
        assertThat(shares.rows()).isEmpty();
    }
}
