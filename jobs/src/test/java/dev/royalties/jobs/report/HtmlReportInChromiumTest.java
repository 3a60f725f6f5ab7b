package dev.royalties.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.royalties.jobs.sql.ExampleOutputs;
import dev.royalties.jobs.sql.ExpectedCsv;
import dev.royalties.testing.Flink;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report opened in a real headless Chromium (Debian's `chromium`): a screenshot goes to
 * target/, and the numbers are read back from the rendered DOM and compared with the worked
 * example's expected outputs. Without Chromium the test skips locally and fails on CI (CI set).
 */
class HtmlReportInChromiumTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    @TempDir
    Path dir;

    static String chromium() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(p, name))) {
                    return Path.of(p, name).toString();
                }
            }
        }
        return null;
    }

    String run(String chromium, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(extra));
        Path log = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(log.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        // A guard against a hung browser, not a timing assertion.
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("chromium did not finish");
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theReportRendersAndItsNumbersAreTheExpectedOnes() throws Exception {
        String chromium = chromium();
        if (chromium == null) {
            if (System.getenv("CI") != null) {
                fail("chromium is not installed (CI is set): .ci/run installs Debian's chromium package");
            }
            assumeTrue(false, "chromium not installed");
        }
        Path output = ExampleOutputs.monthlyRuns();
        Path html = dir.resolve("report.html");
        ReportCommand.run(new String[] {"--output", output.toString(), "--period", "2026-10", "--to",
            html.toString()}, new PrintStream(new ByteArrayOutputStream()));
        Path png = Path.of("target/report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(chromium, "--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);

        String dom = run(chromium, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("id=\"pool-chart\"");
        assertThat(text(dom, "id=\"revision\"")).isEqualTo("2");
        for (Map<String, String> p : ExpectedCsv.rows(2, "pool_reconciliation")) {
            String id = p.get("source") + "|" + n(p.get("country")) + "|" + n(p.get("product")) + "|"
                    + n(p.get("licensee_id"));
            Matcher row = Pattern.compile("<tr data-pool=\"" + Pattern.quote(id) + "\">(.*?)</tr>").matcher(dom);
            assertThat(row.find()).as(id).isTrue();
            for (String f : List.of("pool_amount", "allocated_amount", "held_amount", "fraud_units")) {
                assertThat(text(row.group(1), "data-field=\"" + f + "\"")).as(id + " " + f).isEqualTo(p.get(f));
            }
        }
        assertThat(text(dom, "id=\"adjustment-count\" data-count=\"" + (ExpectedCsv.rows(2, "adjustments").size())
                + "\"")).contains("payments changed against revision 1");
        long quarantined = 0;
        Matcher q = Pattern.compile("data-field=\"rows\">(\\d+)<").matcher(dom);
        while (q.find()) {
            quarantined += Long.parseLong(q.group(1));
        }
        long expected = ExpectedCsv.rows(2, "quarantine_counts").stream().mapToLong(r -> Long.parseLong(r.get("n")))
                .sum();
        assertThat(quarantined).isEqualTo(expected);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** The text of the first element whose start tag holds the given attribute text. */
    private static String text(String html, String attribute) {
        Matcher m = Pattern.compile(Pattern.quote(attribute) + "[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(attribute).isTrue();
        return m.group(1);
    }
}
