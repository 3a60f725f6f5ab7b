package dev.royalties.jobs.report;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Money;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A statement as one CSV table (Apache Commons CSV, RFC 4180): one row per line of the
 * statement, its section in a column, so that a spreadsheet can filter and sum it.
 */
final class CsvStatement {
    static final String[] HEADER = {"artist_id", "period", "revision", "as_of", "section", "source", "country",
        "product", "licensee_id", "scope", "usage_id", "model_id", "track_id", "used_at", "units", "amount",
        "previous_amount", "delta", "currency", "reason"};

    private CsvStatement() {}

    static void write(Statement s, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).build());
        for (ArtistPayment p : s.catalogue()) {
            row(csv, s, "catalogue_payment", p.source(), p.country(), p.product(), null, null, null, null, null, null,
                    p.units(), Money.format(p.amountCents()), null, null, p.currency(), null);
        }
        for (ArtistPayment p : s.ai()) {
            row(csv, s, "ai_payment", p.source(), null, null, p.licenseeId(), Statement.scope(p), null, null, null,
                    null, p.units(), Money.format(p.amountCents()), null, null, p.currency(), null);
        }
        for (AiViolation v : s.violations()) {
            row(csv, s, "ai_violation", "ai_" + v.scope(), null, null, v.licenseeId(), v.scope(), v.usageId(),
                    v.modelId(), v.trackId(), Times.iso(v.usedAt()), v.units(), null, null, null, null, v.reason());
        }
        for (Statement.AdjustmentLine l : s.adjustments()) {
            Adjustment a = l.adjustment();
            row(csv, s, "adjustment", a.source(), a.country(), a.product(), a.licenseeId(),
                    a.source().startsWith("ai_") ? a.source().substring(3) : null, null, null, null, null, null,
                    Money.format(a.amountCents()), Money.format(a.previousCents()), Money.format(a.deltaCents()),
                    a.currency(), l.reason());
        }
        for (var e : s.paidCentsByCurrency().entrySet()) {
            row(csv, s, "total_paid", null, null, null, null, null, null, null, null, null, null,
                    Money.format(e.getValue()), null, null, e.getKey(), null);
        }
        csv.flush();
    }

    private static void row(CSVPrinter csv, Statement s, Object... cells) throws IOException {
        Object[] all = new Object[HEADER.length];
        all[0] = s.artistId();
        all[1] = s.period();
        all[2] = s.revision();
        all[3] = s.asOf();
        System.arraycopy(cells, 0, all, 4, cells.length);
        csv.printRecord(all);
    }
}
