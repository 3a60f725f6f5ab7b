package dev.royalties.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.jobs.Royalties;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.sql.ExampleOutputs;
import dev.royalties.jobs.sql.ExpectedCsv;
import dev.royalties.testing.Flink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * statement, dsr and report on the worked example's outputs (revisions 1 and 2 by the monthly run,
 * and an incomplete revision 3 that must never be read), checked against the expected CSVs.
 */
class ReadCommandsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();
    static final String ARTIST = "A00071";
    static Path output;

    @TempDir
    Path dir;

    @BeforeAll
    static void outputs() throws Exception {
        output = ExampleOutputs.monthlyRuns();
    }

    static String[] args(String... a) {
        List<String> all = new ArrayList<>(List.of("--output", output.toString(), "--period", "2026-10"));
        all.addAll(List.of(a));
        return all.toArray(new String[0]);
    }

    static List<Map<String, String>> expected(int rev, String table, String column, String value) {
        return ExpectedCsv.rows(rev, table).stream().filter(r -> value.equals(r.get(column))).toList();
    }

    @Test
    void pdfStatementOfOneArtistIsOnePageOfSearchableTextWithTheExpectedAmounts() throws Exception {
        Path pdf = dir.resolve("s.pdf");
        StatementCommand.run(args("--artist", ARTIST, "--to", pdf.toString()), new PrintStream(
                new ByteArrayOutputStream()));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Artist " + ARTIST).contains("Revision 2 (as of 2026-12-20T00:00:00Z)")
                    .contains("Adjustments against revision 1");
            for (Map<String, String> p : expected(2, "artist_payments", "artist_id", ARTIST)) {
                assertThat(text).contains(p.get("amount"));
            }
            for (Map<String, String> v : expected(2, "ai_violations", "artist_id", ARTIST)) {
                assertThat(text).contains(v.get("usage_id").isEmpty() ? "" : v.get("track_id"))
                        .contains(v.get("used_at").substring(0, 10));
            }
            for (Map<String, String> a : expected(2, "adjustments", "artist_id", ARTIST)) {
                assertThat(text).contains(a.get("previous_amount")).contains(a.get("delta"));
            }
        }
    }

    @Test
    void csvStatementParsesBackToTheExpectedRows() throws Exception {
        Path csv = dir.resolve("s.csv");
        StatementCommand.run(args("--artist", ARTIST, "--format", "csv", "--to", csv.toString()),
                new PrintStream(new ByteArrayOutputStream()));
        Map<String, String> paid = new TreeMap<>();
        int violations = 0;
        int adjustments = 0;
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                assertThat(rec.get("artist_id")).isEqualTo(ARTIST);
                switch (rec.get("section")) {
                    case "catalogue_payment", "ai_payment" -> paid.put(rec.get("source") + "," + rec.get("country")
                            + "," + rec.get("product") + "," + rec.get("licensee_id"), rec.get("units") + ","
                            + rec.get("amount") + "," + rec.get("currency"));
                    case "ai_violation" -> violations++;
                    case "adjustment" -> adjustments++;
                    default -> { }
                }
            }
        }
        Map<String, String> want = new TreeMap<>();
        for (Map<String, String> p : expected(2, "artist_payments", "artist_id", ARTIST)) {
            want.put(p.get("source") + "," + n(p.get("country")) + "," + n(p.get("product")) + ","
                    + n(p.get("licensee_id")), p.get("units") + "," + p.get("amount") + "," + p.get("currency"));
        }
        assertThat(paid).isEqualTo(want);
        assertThat(violations).isEqualTo(expected(2, "ai_violations", "artist_id", ARTIST).size());
        assertThat(adjustments).isEqualTo(expected(2, "adjustments", "artist_id", ARTIST).size());
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    @Test
    void allWritesOneStatementPerArtistAndRevisionOneHasNoAdjustments() throws Exception {
        Path folder = dir.resolve("all");
        StatementCommand.run(args("--all", "--revision", "1", "--format", "html", "--to", folder.toString()),
                new PrintStream(new ByteArrayOutputStream()));
        java.util.Set<String> artists = new java.util.TreeSet<>();
        ExpectedCsv.rows(1, "artist_payments").forEach(r -> artists.add(r.get("artist_id")));
        ExpectedCsv.rows(1, "ai_violations").forEach(r -> artists.add(r.get("artist_id")));
        try (var files = Files.list(folder)) {
            assertThat(files.count()).isEqualTo(artists.size());
        }
        assertThat(Files.readString(folder.resolve("statement-" + ARTIST + "-2026-10-r1.html")))
                .contains("First revision").doesNotContain("<script");
    }

    @Test
    void badOptionsAndMissingDataEndInOneLine() {
        assertThat(exit("statement", "--output", output.toString(), "--period", "2026-10", "--artist", "NOPE"))
                .isEqualTo(2);
        assertThat(exit("statement", "--output", output.toString(), "--period", "2026-10", "--artist", ARTIST,
                "--revision", "3")).isEqualTo(2);
        assertThat(exit("report", "--output", output.toString(), "--period", "2026-09")).isEqualTo(2);
        assertThat(exit("dsr", "--output", output.toString(), "--period", "2026-13")).isEqualTo(2);
        assertThat(exit("statement", "--output", output.toString(), "--period", "2026-10", "--artist", ARTIST,
                "--format", "doc")).isEqualTo(2);
        assertThatThrownBy(() -> RevisionOutputs.load(output.toString(), "2026-10", 3))
                .isInstanceOf(UsageException.class).hasMessageContaining("not complete");
    }

    private static int exit(String... a) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Royalties.execute(a, new PrintStream(err));
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").startsWith("royalties: ");
        return code;
    }

    @Test
    void dsrTotalsEqualTheReconciliationAndTheFooterCountsTheRecords() throws Exception {
        Path tsv = dir.resolve("dsr.tsv");
        DsrCommand.run(args("--to", tsv.toString(), "--sender", "Demo Service"), new PrintStream(
                new ByteArrayOutputStream()));
        List<String[]> lines = Files.readAllLines(tsv).stream().map(l -> l.split("\t", -1)).toList();
        assertThat(lines.get(0)[0]).isEqualTo("HEAD");
        assertThat(lines.get(0)[8]).isEqualTo("2026-10-01");
        assertThat(lines.get(0)[9]).isEqualTo("2026-10-31");
        assertThat(lines.get(0)[15]).isEqualTo("EUR|USD");
        Map<String, String> summaryPool = new HashMap<>();
        Map<String, BigDecimal> payable = new HashMap<>();
        Map<String, BigDecimal> usageSums = new HashMap<>();
        int summaries = 0;
        int blocks = 0;
        for (String[] l : lines) {
            if (l[0].startsWith("SY")) {
                summaries++;
                summaryPool.put(l[1], l[6] + "," + l[7]);
                payable.put(l[6] + "," + l[7], new BigDecimal(l[15]));
            } else if (l[0].startsWith("AS")) {
                blocks++;
            } else if (l[0].startsWith("SU")) {
                usageSums.merge(summaryPool.get(l[2]), new BigDecimal(l[8]), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> allocated = new HashMap<>();
        for (Map<String, String> p : ExpectedCsv.rows(2, "pool_reconciliation")) {
            if (p.get("source").equals("catalogue")) {
                allocated.put(p.get("country") + "," + p.get("product"), new BigDecimal(p.get("allocated_amount")));
            }
        }
        assertThat(payable).isEqualTo(allocated);
        allocated.forEach((pool, amount) -> {
            if (amount.signum() > 0) {
                assertThat(usageSums.get(pool)).as(pool).isEqualByComparingTo(amount);
            }
        });
        String[] foot = lines.get(lines.size() - 1);
        assertThat(foot[0]).isEqualTo("FOOT");
        assertThat(Integer.parseInt(foot[1])).isEqualTo(lines.size());
        assertThat(Integer.parseInt(foot[3])).isEqualTo(summaries);
        assertThat(Integer.parseInt(foot[4])).isEqualTo(blocks);
    }
}
