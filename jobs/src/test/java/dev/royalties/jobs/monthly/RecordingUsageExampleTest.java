package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableFiles;
import dev.royalties.io.Tables;
import dev.royalties.jobs.sql.ExampleOutputs;
import dev.royalties.jobs.sql.ExpectedCsv;
import dev.royalties.rules.Catalogue;
import dev.royalties.testing.Flink;
import dev.royalties.testing.OutputCsv;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * recording_usage on the worked example: row for row against its expected CSVs, and those CSVs
 * themselves against the example's other expected outputs (the counts of every pool's recordings
 * add up to the pool's units by status, the amounts to its allocated_amount, and every artist's
 * eligible streams over their tracks to the units of their payment).
 */
class RecordingUsageExampleTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    static Path output;

    @BeforeAll
    static void run() throws Exception {
        output = ExampleOutputs.monthlyRuns();
    }

    @Test
    void bothRevisionsMatchTheExpectedRows() throws Exception {
        Map<Integer, List<String>> rows = new TreeMap<>();
        for (int rev = 1; rev <= 2; rev++) {
            rows.put(rev, OutputCsv.read(output, Tables.RECORDING_USAGE, ExampleOutputs.PERIOD, rev));
            Files.write(Path.of("target/recording_usage-revision-" + rev + ".csv"), rows.get(rev));
        }
        for (int rev = 1; rev <= 2; rev++) {
            List<String> actual = rows.get(rev);
            Path dump = Path.of("target/recording_usage-revision-" + rev + ".csv");
            assertThat(actual).as("revision " + rev + " (actual rows in " + dump + ")")
                    .containsExactlyElementsOf(OutputCsv.expected(ExpectedCsv.file(rev, "recording_usage")));
        }
    }

    @Test
    void theExpectedRowsAddUpToThePoolsAndToTheArtistsUnits() throws Exception {
        Map<String, List<String>> rightsByTrack = new HashMap<>();
        for (Catalogue.Right r : TableFiles.readAll(new org.apache.flink.core.fs.Path(ExpectedCsv.input()
                .resolve("track_rights").toUri()), Tables.TRACK_RIGHTS, Tables.RIGHT)) {
            rightsByTrack.computeIfAbsent(r.trackId(), k -> new java.util.ArrayList<>()).add(r.artistId());
        }
        for (int rev = 1; rev <= 2; rev++) {
            Map<String, long[]> sums = new TreeMap<>(); // pool -> eligible, fraud, short, unmatched, ai, capped, cents
            Map<String, Long> artistUnits = new TreeMap<>();
            for (Map<String, String> r : ExpectedCsv.rows(rev, "recording_usage")) {
                String pool = r.get("country") + "/" + r.get("product");
                long[] s = sums.computeIfAbsent(pool, k -> new long[7]);
                String[] cols = {"eligible_streams", "fraud_streams", "short_streams", "unmatched_streams",
                    "ai_generated_streams", "capped_streams"};
                for (int i = 0; i < cols.length; i++) {
                    s[i] += Long.parseLong(r.get(cols[i]));
                }
                s[6] += new BigDecimal(r.get("amount")).movePointRight(2).longValueExact();
                assertThat(r.get("below_threshold_streams")).isEqualTo("0");
                long eligible = Long.parseLong(r.get("eligible_streams"));
                if (eligible > 0) {
                    for (String artist : rightsByTrack.get(r.get("track_id"))) {
                        artistUnits.merge(artist + "/" + pool, eligible, Long::sum);
                    }
                }
            }
            Map<String, long[]> pools = new TreeMap<>();
            for (Map<String, String> p : ExpectedCsv.rows(rev, "pool_reconciliation")) {
                long plays = 0;
                for (String c : List.of("eligible_units", "fraud_units", "short_units", "unmatched_units",
                        "ai_generated_units", "capped_units")) {
                    plays += Long.parseLong(p.get(c));
                }
                if (p.get("source").equals("catalogue") && plays > 0) {
                    pools.put(p.get("country") + "/" + p.get("product"), new long[] {
                        Long.parseLong(p.get("eligible_units")), Long.parseLong(p.get("fraud_units")),
                        Long.parseLong(p.get("short_units")), Long.parseLong(p.get("unmatched_units")),
                        Long.parseLong(p.get("ai_generated_units")), Long.parseLong(p.get("capped_units")),
                        new BigDecimal(p.get("allocated_amount")).movePointRight(2).longValueExact()});
                }
            }
            assertThat(sums).as("revision " + rev).hasSameSizeAs(pools);
            pools.forEach((pool, expected) -> assertThat(sums.get(pool)).as(pool).containsExactly(expected));
            Map<String, Long> paidUnits = new TreeMap<>();
            for (Map<String, String> p : ExpectedCsv.rows(rev, "artist_payments")) {
                if (p.get("source").equals("catalogue")) {
                    paidUnits.put(p.get("artist_id") + "/" + p.get("country") + "/" + p.get("product"),
                            Long.parseLong(p.get("units")));
                }
            }
            assertThat(artistUnits).as("revision " + rev).isEqualTo(paidUnits);
        }
    }
}
