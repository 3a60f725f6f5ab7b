package dev.royalties.jobs.report;

import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.Allocation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.CodePoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One artist's statement for a revision: what every format (PDF, CSV, HTML) prints, in the order
 * it prints it. Built from the output tables only.
 */
record Statement(String artistId, String period, int revision, String asOf, Integer previousRevision,
                 List<ArtistPayment> catalogue, List<ArtistPayment> ai, List<AiViolation> violations,
                 List<AdjustmentLine> adjustments, Map<String, Long> paidCentsByCurrency,
                 Map<String, Long> adjustmentCentsByCurrency) {

    /** An adjustment with the reason the outputs can give for it. */
    record AdjustmentLine(Adjustment adjustment, String reason) {}

    static final Comparator<AiViolation> VIOLATION_ORDER = Comparator.comparingLong(AiViolation::usedAt)
            .thenComparing(AiViolation::usageId, CodePoints.ORDER);

    static final Comparator<Adjustment> ADJUSTMENT_ORDER = Comparator
            .comparing(Adjustment::source, Comparator.nullsFirst(CodePoints.ORDER))
            .thenComparing(Adjustment::country, Comparator.nullsFirst(CodePoints.ORDER))
            .thenComparing(Adjustment::product, Comparator.nullsFirst(CodePoints.ORDER))
            .thenComparing(Adjustment::licenseeId, Comparator.nullsFirst(CodePoints.ORDER))
            .thenComparing(Adjustment::currency, Comparator.nullsFirst(CodePoints.ORDER));

    /** Statements of every artist in the revision (paid, adjusted or with a violation), by artist_id. */
    static Map<String, Statement> all(RevisionOutputs out) {
        Map<String, Builder> by = new TreeMap<>(CodePoints.ORDER);
        for (ArtistPayment p : out.payments()) {
            by.computeIfAbsent(p.artistId(), Builder::new).payments.add(p);
        }
        for (AiViolation v : out.violations()) {
            by.computeIfAbsent(v.artistId(), Builder::new).violations.add(v);
        }
        for (Adjustment a : out.adjustments()) {
            by.computeIfAbsent(a.artistId(), Builder::new).adjustments.add(a);
        }
        AdjustmentReasons reasons = new AdjustmentReasons(out);
        Map<String, Statement> statements = new TreeMap<>(CodePoints.ORDER);
        by.forEach((id, b) -> statements.put(id, b.build(out, reasons)));
        return statements;
    }

    private static final class Builder {
        final String artistId;
        final List<ArtistPayment> payments = new ArrayList<>();
        final List<AiViolation> violations = new ArrayList<>();
        final List<Adjustment> adjustments = new ArrayList<>();

        Builder(String artistId) {
            this.artistId = artistId;
        }

        Statement build(RevisionOutputs out, AdjustmentReasons reasons) {
            payments.sort(Allocation.PAYMENT_ORDER);
            violations.sort(VIOLATION_ORDER);
            adjustments.sort(ADJUSTMENT_ORDER);
            List<ArtistPayment> catalogue = payments.stream().filter(p -> p.source().equals("catalogue")).toList();
            List<ArtistPayment> ai = payments.stream().filter(p -> !p.source().equals("catalogue"))
                    .sorted(Comparator.comparing(ArtistPayment::licenseeId, CodePoints.ORDER)
                            .thenComparing(ArtistPayment::source))
                    .toList();
            Map<String, Long> paid = new TreeMap<>();
            payments.forEach(p -> paid.merge(p.currency(), p.amountCents(), Long::sum));
            Map<String, Long> delta = new TreeMap<>();
            List<AdjustmentLine> lines = new ArrayList<>();
            for (Adjustment a : adjustments) {
                delta.merge(a.currency(), a.deltaCents(), Long::sum);
                lines.add(new AdjustmentLine(a, reasons.reason(a)));
            }
            return new Statement(artistId, out.period().toString(), out.revision(), out.asOf(),
                    out.previous() == null ? null : out.previous().revision(), catalogue, ai, violations, lines,
                    paid, delta);
        }
    }

    /** "training" for source ai_training. */
    static String scope(ArtistPayment p) {
        return p.source().startsWith("ai_") ? p.source().substring(3) : p.source();
    }
}
