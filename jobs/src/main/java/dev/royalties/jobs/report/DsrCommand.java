package dev.royalties.jobs.report;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code royalties dsr --output OUT --period P [--revision N] [--currency C] [--to FILE]
 * [--sender NAME] [--sender-id DPID] [--recipient NAME] [--recipient-id DPID]}: the revision's
 * recording_usage as a DDEX DSR flat file (see DsrReport, docs/statements.md).
 */
public final class DsrCommand {
    private DsrCommand() {}

    public static int run(String[] argv) throws Exception {
        return run(argv, System.out);
    }

    public static int run(String[] argv, PrintStream log) throws Exception {
        Args a = Args.parse("dsr", argv, Set.of("output", "period", "revision", "currency", "to", "sender",
                "sender-id", "recipient", "recipient-id"), Set.of());
        String output = a.required("output");
        String period = a.required("period");
        Integer revision = a.has("revision") ? a.intValue("revision", 0) : null;
        RevisionOutputs out = RevisionOutputs.load(output, period, revision);
        if (!out.hasRecordingUsage()) {
            throw new UsageException("dsr: revision " + out.revision() + " of period " + out.period()
                    + " has no recording_usage table (written by an older engine); run the period again");
        }
        String currency = a.string("currency", null);
        if (currency != null && out.pools().stream().noneMatch(p -> p.source().equals("catalogue")
                && currency.equals(p.currency()))) {
            throw new UsageException("dsr: no catalogue pool in currency '" + currency + "' in period "
                    + out.period() + " revision " + out.revision());
        }
        DsrReport.Parties parties = new DsrReport.Parties(a.string("sender", "royalty engine"),
                a.string("sender-id", ""), a.string("recipient", ""), a.string("recipient-id", ""));
        List<List<String>> records = DsrReport.records(out, parties, currency);
        Path file = Path.of(a.string("to", "dsr-" + DsrReport.messageId(out, currency) + ".tsv"));
        AtomicFiles.write(file, o -> DsrReport.write(records, o));
        List<String> foot = records.get(records.size() - 1);
        log.printf("DSR of period %s revision %d (%s lines, %s summary records, %s recordings) written to %s%n",
                out.period(), out.revision(), foot.get(1), foot.get(3), foot.get(4), file.toAbsolutePath());
        return 0;
    }
}
