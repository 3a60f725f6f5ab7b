package dev.royalties.jobs.report;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code royalties statement --output OUT --period P (--artist A | --all) [--revision N]
 * [--format pdf|csv|html] [--to PATH]}: artist statements from a complete revision's outputs.
 * With --all, one file per artist into a folder, from one read of the tables.
 */
public final class StatementCommand {
    static final String USAGE = "usage: royalties statement --output DIR --period YYYY-MM (--artist ID | --all)"
            + " [--revision N] [--format pdf|csv|html] [--to PATH]";

    private StatementCommand() {}

    public static int run(String[] argv) throws Exception {
        return run(argv, System.out);
    }

    /** Writes the statement(s); returns the exit code. */
    public static int run(String[] argv, PrintStream log) throws Exception {
        Args a = Args.parse("statement", argv, Set.of("output", "period", "artist", "revision", "format", "to"),
                Set.of("all"));
        String output = a.required("output");
        String period = a.required("period");
        String format = a.string("format", "pdf");
        if (!Set.of("pdf", "csv", "html").contains(format)) {
            throw new UsageException("statement: --format must be pdf, csv or html, got '" + format + "'");
        }
        boolean all = a.flag("all");
        if (all == a.has("artist")) {
            throw new UsageException("statement: give either --artist ID or --all; " + USAGE);
        }
        Integer revision = a.has("revision") ? a.intValue("revision", 0) : null;
        RevisionOutputs out = RevisionOutputs.load(output, period, revision);
        Map<String, Statement> statements = Statement.all(out);
        if (all) {
            Path dir = Path.of(a.string("to", "statements-" + out.period() + "-r" + out.revision()));
            for (Statement s : statements.values()) {
                write(s, format, dir.resolve(fileName(s, format)));
            }
            log.printf("%d statements (period %s, revision %d, %s) written to %s%n", statements.size(),
                    out.period(), out.revision(), format, dir.toAbsolutePath());
            return 0;
        }
        String artist = a.required("artist");
        Statement s = statements.get(artist);
        if (s == null) {
            throw new UsageException("statement: artist " + artist + " has no payment, AI use or adjustment in"
                    + " period " + out.period() + " revision " + out.revision());
        }
        Path file = Path.of(a.string("to", fileName(s, format)));
        write(s, format, file);
        log.printf("statement of %s (period %s, revision %d) written to %s%n", artist, out.period(),
                out.revision(), file.toAbsolutePath());
        return 0;
    }

    static String fileName(Statement s, String format) {
        return "statement-" + FileNames.safe(s.artistId()) + "-" + s.period() + "-r" + s.revision() + "." + format;
    }

    static void write(Statement s, String format, Path file) throws Exception {
        AtomicFiles.write(file, out -> {
            switch (format) {
                case "pdf" -> PdfStatement.write(s, out);
                case "csv" -> CsvStatement.write(s, out);
                default -> HtmlStatement.write(s, out);
            }
        });
    }
}
