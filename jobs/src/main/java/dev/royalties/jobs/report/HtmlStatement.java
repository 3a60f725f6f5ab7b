package dev.royalties.jobs.report;

import static dev.royalties.jobs.report.Html.esc;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Money;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A statement as one self-contained HTML page (inline style, no script, every value escaped). */
final class HtmlStatement {
    private HtmlStatement() {}

    static void write(Statement s, OutputStream out) throws IOException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Royalty statement ")
                .append(esc(s.artistId())).append(' ').append(esc(s.period())).append("</title><style>")
                .append(Html.STYLE).append("</style></head><body>");
        h.append("<h1>Royalty statement</h1><div class=\"meta\">Artist <b id=\"artist\">").append(esc(s.artistId()))
                .append("</b> &middot; period ").append(esc(s.period())).append(" &middot; revision ")
                .append(s.revision()).append(" (as of ").append(esc(s.asOf())).append(')');
        if (s.previousRevision() != null) {
            h.append(" &middot; previous revision ").append(s.previousRevision());
        }
        h.append("</div><p><b>Paid this revision:</b> ").append(esc(PdfStatement.totals(s.paidCentsByCurrency())))
                .append("</p>");

        h.append("<h2>Catalogue streams</h2><table><tr><th>Country</th><th>Product</th><th class=\"n\">Streams</th>"
                + "<th class=\"n\">Amount</th><th>Currency</th></tr>");
        for (ArtistPayment p : s.catalogue()) {
            h.append("<tr><td>").append(esc(p.country())).append("</td><td>").append(esc(p.product()))
                    .append("</td><td class=\"n\">").append(p.units()).append("</td><td class=\"n\">")
                    .append(Money.format(p.amountCents())).append("</td><td>").append(esc(p.currency()))
                    .append("</td></tr>");
        }
        h.append("</table><h2>AI use, paid (consented)</h2><table><tr><th>Licensee</th><th>Scope</th>"
                + "<th class=\"n\">Units</th><th class=\"n\">Amount</th><th>Currency</th></tr>");
        for (ArtistPayment p : s.ai()) {
            h.append("<tr><td>").append(esc(p.licenseeId())).append("</td><td>").append(esc(Statement.scope(p)))
                    .append("</td><td class=\"n\">").append(p.units()).append("</td><td class=\"n\">")
                    .append(Money.format(p.amountCents())).append("</td><td>").append(esc(p.currency()))
                    .append("</td></tr>");
        }
        h.append("</table><h2>AI use without licence or consent (reported to you, not paid)</h2><table><tr>"
                + "<th>Used at (UTC)</th><th>Licensee</th><th>Model</th><th>Track</th><th>Scope</th>"
                + "<th class=\"n\">Units</th><th>Reason</th></tr>");
        for (AiViolation v : s.violations()) {
            h.append("<tr><td>").append(esc(Times.iso(v.usedAt()))).append("</td><td>").append(esc(v.licenseeId()))
                    .append("</td><td>").append(esc(v.modelId())).append("</td><td>").append(esc(v.trackId()))
                    .append("</td><td>").append(esc(v.scope())).append("</td><td class=\"n\">").append(v.units())
                    .append("</td><td>").append(esc(v.reason())).append("</td></tr>");
        }
        h.append("</table><h2>Adjustments").append(s.previousRevision() == null ? ""
                : " against revision " + s.previousRevision()).append("</h2><table><tr><th>Payment</th>"
                + "<th class=\"n\">Previous</th><th class=\"n\">Now</th><th class=\"n\">Delta</th><th>Currency</th>"
                + "<th>Reason</th></tr>");
        for (Statement.AdjustmentLine l : s.adjustments()) {
            Adjustment a = l.adjustment();
            h.append("<tr><td>").append(esc(PdfStatement.paymentLabel(a))).append("</td><td class=\"n\">")
                    .append(Money.format(a.previousCents())).append("</td><td class=\"n\">")
                    .append(Money.format(a.amountCents())).append("</td><td class=\"n\">")
                    .append(Money.format(a.deltaCents())).append("</td><td>").append(esc(a.currency()))
                    .append("</td><td style=\"white-space:normal\">").append(esc(l.reason())).append("</td></tr>");
        }
        h.append("</table>");
        if (s.adjustments().isEmpty()) {
            h.append("<p>").append(s.previousRevision() == null ? "First revision of the period: nothing to adjust."
                    : "No payment changed since revision " + s.previousRevision() + ".").append("</p>");
        }
        h.append("<p class=\"note\">Amounts are exact to the cent. Units are whole streams or usage units"
                + " on your recordings, not multiplied by your share.</p></body></html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
    }
}
