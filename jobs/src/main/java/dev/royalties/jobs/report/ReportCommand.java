package dev.royalties.jobs.report;

import dev.royalties.jobs.cli.Args;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code royalties report --output OUT --period P [--revision N] [--to FILE]}: the run report (HTML). */
public final class ReportCommand {
    private ReportCommand() {}

    public static int run(String[] argv) throws Exception {
        return run(argv, System.out);
    }

    public static int run(String[] argv, PrintStream log) throws Exception {
        Args a = Args.parse("report", argv, Set.of("output", "period", "revision", "to"), Set.of());
        String output = a.required("output");
        String period = a.required("period");
        Integer revision = a.has("revision") ? a.intValue("revision", 0) : null;
        RevisionOutputs out = RevisionOutputs.load(output, period, revision);
        Path file = Path.of(a.string("to", "report-" + out.period() + "-r" + out.revision() + ".html"));
        AtomicFiles.write(file, o -> HtmlReport.write(out, o));
        log.printf("report of period %s revision %d written to %s%n", out.period(), out.revision(),
                file.toAbsolutePath());
        return 0;
    }
}
