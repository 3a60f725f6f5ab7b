package dev.royalties.jobs.report;

import static dev.royalties.jobs.report.Html.esc;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Money;
import dev.royalties.rules.PoolReconciliation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The run report finance opens: one self-contained HTML file (inline CSS and SVG, no script, no
 * network), every data value escaped. Key numbers carry ids / data attributes so that tests (and
 * scripts) can read them back from the rendered page.
 */
final class HtmlReport {
    private static final String[] COLOURS = {"#2e7d32", "#f2a900", "#8e24aa", "#c62828", "#78909c", "#5e35b1",
        "#1e88e5"};

    private HtmlReport() {}

    static void write(RevisionOutputs out, OutputStream os) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Royalty run ")
                .append(esc(out.period())).append(" revision ").append(out.revision()).append("</title><style>")
                .append(Html.STYLE).append("</style></head><body>");
        h.append("<h1>Royalty run ").append(esc(out.period())).append(", revision <span id=\"revision\">")
                .append(out.revision()).append("</span></h1><div class=\"meta\">as of <span id=\"as-of\">")
                .append(esc(out.asOf())).append("</span> &middot; policy ").append(esc(out.manifest().path("policy")))
                .append(out.previous() == null ? " &middot; first revision"
                        : " &middot; previous revision " + out.previous().revision()).append("</div>");
        totals(h, out);
        reconciliation(h, out);
        chart(h, out);
        topArtists(h, out);
        aiLicensees(h, out);
        changes(h, out);
        quarantine(h, out);
        h.append("</body></html>\n");
        os.write(h.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void totals(StringBuilder h, RevisionOutputs out) {
        Map<String, long[]> t = new TreeMap<>();
        for (PoolReconciliation p : out.pools()) {
            long[] v = t.computeIfAbsent(p.currency(), k -> new long[3]);
            v[0] += p.poolCents();
            v[1] += p.allocatedCents();
            v[2] += p.heldCents();
        }
        h.append("<div class=\"kpis\">");
        t.forEach((cur, v) -> {
            String c = esc(cur);
            h.append("<div class=\"kpi\"><span>pools ").append(c).append("</span><b id=\"total-pool-").append(c)
                    .append("\">").append(Money.format(v[0])).append("</b></div><div class=\"kpi\"><span>allocated ")
                    .append(c).append("</span><b id=\"total-allocated-").append(c).append("\">")
                    .append(Money.format(v[1])).append("</b></div><div class=\"kpi\"><span>held ").append(c)
                    .append("</span><b id=\"total-held-").append(c).append("\">").append(Money.format(v[2]))
                    .append("</b></div>");
        });
        h.append("</div>");
    }

    static String poolId(PoolReconciliation p) {
        return p.source() + "|" + Objects.toString(p.country(), "") + "|" + Objects.toString(p.product(), "") + "|"
                + Objects.toString(p.licenseeId(), "");
    }

    private static String poolLabel(PoolReconciliation p) {
        return p.source().equals("catalogue") ? p.country() + " " + p.product() : p.licenseeId() + " "
                + p.source().substring(3);
    }

    private static void reconciliation(StringBuilder h, RevisionOutputs out) {
        h.append("<h2>Pool reconciliation</h2><table><tr><th>Pool</th><th>Currency</th><th class=\"n\">Pool</th>"
                + "<th class=\"n\">Allocated</th><th class=\"n\">Held</th><th class=\"n\">Eligible</th>"
                + "<th class=\"n\">Unmatched</th><th class=\"n\">Fraud</th><th class=\"n\">AI-generated</th>"
                + "<th class=\"n\">Short</th><th class=\"n\">Capped</th><th class=\"n\">Violation</th>"
                + "<th>Adds up</th></tr>");
        for (PoolReconciliation p : out.pools()) {
            h.append("<tr data-pool=\"").append(esc(poolId(p))).append("\"><td>").append(esc(poolLabel(p)))
                    .append("</td><td>").append(esc(p.currency())).append("</td>");
            cell(h, "pool_amount", Money.format(p.poolCents()));
            cell(h, "allocated_amount", Money.format(p.allocatedCents()));
            cell(h, "held_amount", Money.format(p.heldCents()));
            cell(h, "eligible_units", "" + p.eligibleUnits());
            cell(h, "unmatched_units", "" + p.unmatchedUnits());
            cell(h, "fraud_units", "" + p.fraudUnits());
            cell(h, "ai_generated_units", "" + p.aiGeneratedUnits());
            cell(h, "short_units", "" + p.shortUnits());
            cell(h, "capped_units", "" + p.cappedUnits());
            cell(h, "violation_units", "" + p.violationUnits());
            h.append("<td>").append(p.poolCents() == p.allocatedCents() + p.heldCents() ? "yes" : "<b>NO</b>")
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void cell(StringBuilder h, String field, String value) {
        h.append("<td class=\"n\" data-field=\"").append(field).append("\">").append(esc(value)).append("</td>");
    }

    /** Per pool: allocated and held (the pool, 100 %), and below it what the excluded units were worth. */
    private static void chart(StringBuilder h, RevisionOutputs out) {
        int row = 34;
        int labelW = 150;
        int barW = 700;
        int height = out.pools().size() * row + 10;
        h.append("<h2>Where each pool's money went</h2><div class=\"legend\">");
        String[] legend = {"allocated", "held", "violation (held)", "fraud", "short", "AI-generated", "capped"};
        for (int i = 0; i < legend.length; i++) {
            h.append("<span><i style=\"background:").append(COLOURS[i]).append("\"></i>").append(legend[i])
                    .append("</span>");
        }
        h.append("</div><p class=\"note\">Upper bar: the pool, split into allocated and held. Lower bar: what the"
                + " excluded units would have been worth had they counted (their value went to the legitimate"
                + " units of the same pool), as a share of the pool.</p>");
        h.append("<svg id=\"pool-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 160)
                .append("\" height=\"").append(height).append("\" font-size=\"12\" font-family=\"Helvetica,Arial\">");
        int y = 4;
        for (PoolReconciliation p : out.pools()) {
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(esc(poolLabel(p))).append(' ')
                    .append(esc(p.currency())).append("</text>");
            // Widths in tenths of a pixel, in integers: the chart never turns cents into floating point.
            long x = labelW * 10L;
            long[] paid = {p.allocatedCents(), p.heldCents()};
            for (int i = 0; i < 2; i++) {
                long w = tenthsOfPixel(paid[i], p.poolCents(), barW);
                rect(h, x, y * 10L, w, 140, COLOURS[i], (i == 0 ? "allocated " : "held ") + Money.format(paid[i]));
                x += w;
            }
            long[] value = PoolValue.byKind(p);
            x = labelW * 10L;
            for (int k = 2; k < PoolValue.KINDS.length; k++) {
                long w = tenthsOfPixel(value[k], p.poolCents(), barW);
                rect(h, x, (y + 16) * 10L, w, 80, COLOURS[k], PoolValue.KINDS[k] + " " + Money.format(value[k]));
                x += w;
            }
            h.append("<text x=\"").append(labelW + barW + 8).append("\" y=\"").append(y + 14).append("\">")
                    .append(Money.format(p.poolCents())).append("</text>");
            y += row;
        }
        h.append("</svg>");
    }

    private static long tenthsOfPixel(long cents, long poolCents, int barWidth) {
        return poolCents == 0 ? 0 : java.math.BigInteger.valueOf(cents).multiply(java.math.BigInteger.valueOf(
                barWidth * 10L)).divide(java.math.BigInteger.valueOf(poolCents)).longValueExact();
    }

    /** Coordinates and sizes in tenths of a pixel. */
    private static void rect(StringBuilder h, long x, long y, long w, long height, String colour, String title) {
        if (w <= 0) {
            return;
        }
        h.append("<rect x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"").append(px(w))
                .append("\" height=\"").append(px(height)).append("\" fill=\"").append(colour).append("\"><title>")
                .append(esc(title)).append("</title></rect>");
    }

    private static String px(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    private static void topArtists(StringBuilder h, RevisionOutputs out) {
        Map<String, Map<String, Long>> byCurrency = new TreeMap<>();
        for (ArtistPayment p : out.payments()) {
            byCurrency.computeIfAbsent(p.currency(), k -> new TreeMap<>()).merge(p.artistId(), p.amountCents(),
                    Long::sum);
        }
        h.append("<h2>Top artists</h2>");
        byCurrency.forEach((cur, amounts) -> {
            List<Map.Entry<String, Long>> top = new ArrayList<>(amounts.entrySet());
            top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            top = top.subList(0, Math.min(10, top.size()));
            long max = top.isEmpty() ? 1 : Math.max(1, top.get(0).getValue());
            h.append("<table data-currency=\"").append(esc(cur)).append("\"><tr><th>#</th><th>Artist</th>"
                    + "<th class=\"n\">Amount ").append(esc(cur)).append("</th><th></th></tr>");
            int rank = 0;
            for (Map.Entry<String, Long> e : top) {
                rank++;
                h.append("<tr data-rank=\"").append(rank).append("\"><td>").append(rank).append("</td><td data-field=\"")
                        .append("artist_id\">").append(esc(e.getKey())).append("</td><td class=\"n\" data-field=\"amount\">")
                        .append(Money.format(e.getValue())).append("</td><td><svg width=\"200\" height=\"10\">")
                        .append(String.format(java.util.Locale.ROOT, "<rect width=\"%.1f\" height=\"10\" fill=\"%s\"/>",
                                200.0 * e.getValue() / max, COLOURS[0])).append("</svg></td></tr>");
            }
            h.append("</table>");
        });
    }

    private static void aiLicensees(StringBuilder h, RevisionOutputs out) {
        Map<String, long[]> viol = new TreeMap<>(); // licensee -> rows, no_licence units, no_consent units
        for (AiViolation v : out.violations()) {
            long[] x = viol.computeIfAbsent(v.licenseeId(), k -> new long[3]);
            x[0]++;
            x[v.reason().equals("no_licence") ? 1 : 2] += v.units();
        }
        h.append("<h2>AI use per licensee</h2><table><tr><th>Licensee</th><th>Scope</th><th>Currency</th>"
                + "<th class=\"n\">Paid</th><th class=\"n\">Held</th><th class=\"n\">Consented units</th></tr>");
        for (PoolReconciliation p : out.pools()) {
            if (!p.source().equals("catalogue")) {
                h.append("<tr data-pool=\"").append(esc(poolId(p))).append("\"><td>").append(esc(p.licenseeId()))
                        .append("</td><td>").append(esc(p.source().substring(3))).append("</td><td>")
                        .append(esc(p.currency())).append("</td>");
                cell(h, "allocated_amount", Money.format(p.allocatedCents()));
                cell(h, "held_amount", Money.format(p.heldCents()));
                cell(h, "eligible_units", "" + p.eligibleUnits());
                h.append("</tr>");
            }
        }
        h.append("</table><table><tr><th>Licensee</th><th class=\"n\">Violations</th>"
                + "<th class=\"n\">Units without licence</th><th class=\"n\">Units without consent</th></tr>");
        viol.forEach((lic, x) -> {
            h.append("<tr data-licensee=\"").append(esc(lic)).append("\"><td>").append(esc(lic)).append("</td>");
            cell(h, "violations", "" + x[0]);
            cell(h, "no_licence_units", "" + x[1]);
            cell(h, "no_consent_units", "" + x[2]);
            h.append("</tr>");
        });
        h.append("</table>");
    }

    private static void changes(StringBuilder h, RevisionOutputs out) {
        h.append("<h2>What changed since the previous revision</h2>");
        if (out.previous() == null) {
            h.append("<p id=\"adjustment-count\" data-count=\"0\">First revision of the period: nothing to compare.</p>");
            return;
        }
        Map<String, Long> net = new TreeMap<>();
        out.adjustments().forEach(a -> net.merge(a.currency(), a.deltaCents(), Long::sum));
        h.append("<p id=\"adjustment-count\" data-count=\"").append(out.adjustments().size()).append("\">")
                .append(out.adjustments().size()).append(" payments changed against revision ")
                .append(out.previous().revision()).append("; net ");
        net.forEach((c, d) -> h.append("<span id=\"net-delta-").append(esc(c)).append("\">").append(Money.format(d))
                .append("</span> ").append(esc(c)).append(' '));
        h.append("</p><table><tr><th>Artist</th><th>Payment</th><th class=\"n\">Previous</th><th class=\"n\">Now</th>"
                + "<th class=\"n\">Delta</th><th>Currency</th></tr>");
        List<Adjustment> top = new ArrayList<>(out.adjustments());
        top.sort(Comparator.comparingLong((Adjustment a) -> -Math.abs(a.deltaCents()))
                .thenComparing(Adjustment::artistId));
        for (Adjustment a : top.subList(0, Math.min(15, top.size()))) {
            h.append("<tr><td>").append(esc(a.artistId())).append("</td><td>").append(esc(PdfStatement.paymentLabel(a)))
                    .append("</td><td class=\"n\">").append(Money.format(a.previousCents())).append("</td><td class=\"n\">")
                    .append(Money.format(a.amountCents())).append("</td><td class=\"n\">")
                    .append(Money.format(a.deltaCents())).append("</td><td>").append(esc(a.currency()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void quarantine(StringBuilder h, RevisionOutputs out) {
        Map<String, Long> counts = new TreeMap<>();
        out.quarantine().forEach(q -> counts.merge(q.sourceTable() + "\u0000" + q.reason(), 1L, Long::sum));
        h.append("<h2>Quarantine</h2><table><tr><th>Table</th><th>Reason</th><th class=\"n\">Rows</th></tr>");
        counts.forEach((k, n) -> {
            String[] tr = k.split("\u0000", 2);
            h.append("<tr data-quarantine=\"").append(esc(tr[0])).append("\"><td>").append(esc(tr[0]))
                    .append("</td><td>").append(esc(tr[1])).append("</td>");
            cell(h, "rows", "" + n);
            h.append("</tr>");
        });
        h.append("</table>");
    }
}
