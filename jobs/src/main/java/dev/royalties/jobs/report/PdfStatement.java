package dev.royalties.jobs.report;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Money;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A statement as a PDF (Apache PDFBox): A4, real text (searchable and copyable), tables that
 * continue on a new page with their header when a long statement needs one.
 */
final class PdfStatement {
    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float SIZE = 8.5f;
    private static final float LEADING = 11.5f;

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private PdfStatement() {}

    static void write(Statement s, OutputStream out) throws IOException {
        PdfStatement pdf = new PdfStatement();
        try (PDDocument doc = pdf.doc) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Royalty statement " + s.artistId() + " " + s.period() + " revision " + s.revision());
            info.setCreator("royalty engine");
            pdf.render(s);
            pdf.page.close();
            doc.save(out);
        }
    }

    private void render(Statement s) throws IOException {
        newPage();
        text(bold, 16, MARGIN, "Royalty statement");
        y -= 20;
        text(regular, 10, MARGIN, "Artist " + s.artistId() + "    Period " + s.period() + "    Revision "
                + s.revision() + " (as of " + s.asOf() + ")"
                + (s.previousRevision() == null ? "" : "    previous revision " + s.previousRevision()));
        y -= 14;
        text(bold, 10, MARGIN, "Paid this revision: " + totals(s.paidCentsByCurrency()));
        y -= 8;

        section("Catalogue streams");
        Table cat = new Table(new String[] {"Country", "Product", "Streams", "Amount", "Currency"},
                new float[] {70, 90, 80, 100, 60}, new boolean[] {false, false, true, true, false});
        for (ArtistPayment p : s.catalogue()) {
            cat.row(p.country(), p.product(), "" + p.units(), Money.format(p.amountCents()), p.currency());
        }
        cat.emptyAs("No catalogue streams paid in this revision.");

        section("AI use, paid (consented)");
        Table ai = new Table(new String[] {"Licensee", "Scope", "Units", "Amount", "Currency"},
                new float[] {70, 90, 80, 100, 60}, new boolean[] {false, false, true, true, false});
        for (ArtistPayment p : s.ai()) {
            ai.row(p.licenseeId(), Statement.scope(p), "" + p.units(), Money.format(p.amountCents()), p.currency());
        }
        ai.emptyAs("No paid AI use in this revision.");

        section("AI use without licence or consent (reported to you, not paid)");
        Table v = new Table(new String[] {"Date (UTC)", "Licensee", "Model", "Track", "Scope", "Units", "Reason"},
                new float[] {75, 60, 60, 70, 65, 55, 80}, new boolean[] {false, false, false, false, false, true,
                    false});
        for (AiViolation x : s.violations()) {
            v.row(Times.iso(x.usedAt()).substring(0, 10), x.licenseeId(), x.modelId(), x.trackId(), x.scope(),
                    "" + x.units(), x.reason().replace('_', ' '));
        }
        v.emptyAs("No AI use without licence or consent.");

        section(s.previousRevision() == null ? "Adjustments"
                : "Adjustments against revision " + s.previousRevision());
        Table adj = new Table(new String[] {"Payment", "Previous", "Now", "Delta", "Cur.", "Reason"},
                new float[] {95, 55, 55, 55, 30, 225}, new boolean[] {false, true, true, true, false, false});
        for (Statement.AdjustmentLine l : s.adjustments()) {
            Adjustment a = l.adjustment();
            adj.row(paymentLabel(a), Money.format(a.previousCents()), Money.format(a.amountCents()),
                    Money.format(a.deltaCents()), a.currency(), l.reason());
        }
        adj.emptyAs(s.previousRevision() == null ? "First revision of the period: nothing to adjust."
                : "No payment changed since revision " + s.previousRevision() + ".");
        if (!s.adjustments().isEmpty()) {
            y -= 2;
            text(bold, SIZE, MARGIN, "Net adjustment: " + totals(s.adjustmentCentsByCurrency()));
            y -= LEADING;
        }
        y -= 10;
        text(regular, 7, MARGIN, "Amounts are exact to the cent. Units are whole streams or usage units on your"
                + " recordings, not multiplied by your share. Generated from the outputs of revision "
                + s.revision() + ".");
    }

    static String paymentLabel(Adjustment a) {
        return a.source().equals("catalogue") ? a.country() + " " + a.product()
                : a.licenseeId() + " " + a.source().substring(3);
    }

    static String totals(Map<String, Long> byCurrency) {
        if (byCurrency.isEmpty()) {
            return "nothing";
        }
        return byCurrency.entrySet().stream().map(e -> Money.format(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private void section(String title) throws IOException {
        ensure(3 * LEADING + 14);
        y -= 12;
        text(bold, 11, MARGIN, title);
        y -= 14;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN - 10;
    }

    private boolean ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
            return true;
        }
        return false;
    }

    private void text(PDType1Font font, float size, float x, String s) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(encodable(font, s));
        page.endText();
    }

    /** Helvetica covers WinAnsi only: any other character is shown as '?' rather than failing. */
    private static String encodable(PDType1Font font, String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    private float width(PDType1Font font, float size, String s) throws IOException {
        return font.getStringWidth(encodable(font, s)) / 1000 * size;
    }

    /** Breaks a cell's text into lines that fit its column (long reasons wrap). */
    private List<String> wrap(String s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(regular, SIZE, next) > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private final class Table {
        private final String[] header;
        private final float[] widths;
        private final boolean[] right;
        private int rows;

        Table(String[] header, float[] widths, boolean[] right) throws IOException {
            this.header = header;
            this.widths = widths;
            this.right = right;
            drawHeader();
        }

        private void drawHeader() throws IOException {
            draw(bold, header);
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, y + LEADING - 3);
            page.lineTo(MARGIN + WIDTH, y + LEADING - 3);
            page.stroke();
        }

        void row(String... cells) throws IOException {
            rows++;
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> w = right[i] ? List.of(cells[i] == null ? "" : cells[i])
                        : wrap(cells[i] == null ? "" : cells[i], widths[i] - 6);
                wrapped.add(w);
                height = Math.max(height, w.size());
            }
            if (ensure(height * LEADING)) {
                drawHeader();
            }
            for (int line = 0; line < height; line++) {
                String[] texts = new String[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    texts[i] = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
                }
                draw(regular, texts);
            }
        }

        void emptyAs(String message) throws IOException {
            if (rows == 0) {
                text(regular, SIZE, MARGIN, message);
                y -= LEADING;
            }
        }

        private void draw(PDType1Font font, String[] cells) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                String c = cells[i] == null ? "" : cells[i];
                float at = right[i] ? x + widths[i] - 6 - width(font, SIZE, c) : x;
                text(font, SIZE, at, c);
                x += widths[i];
            }
            y -= LEADING;
        }
    }
}
