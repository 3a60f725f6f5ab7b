package dev.royalties.jobs;

import dev.royalties.io.InputFormatException;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.generate.GenerateCommand;
import dev.royalties.jobs.live.IngestCommand;
import dev.royalties.jobs.monthly.BenchCommand;
import dev.royalties.jobs.monthly.DemoCommand;
import dev.royalties.jobs.monthly.MonthlyCommand;
import dev.royalties.jobs.monthly.RunLockedException;
import dev.royalties.jobs.sql.SqlCommand;
import dev.royalties.rules.ReferenceDataException;
import java.io.PrintStream;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import java.util.Arrays;

/**
 * The one entry point of royalties.jar, locally (`java -jar`) and on a cluster (`flink run`).
 * Every failure a user can cause ends as one line on stderr and a non-zero exit code.
 */
public final class Royalties {
    private static final String USAGE = String.join("\n",
            "usage: java -jar royalties.jar COMMAND [options]",
            "  monthly   --period YYYY-MM --input DIR --output DIR [--as-of INSTANT] [--min-play-ms N]",
            "            [--user-monthly-cap N] [--parallelism N] [--wait S] the monthly royalty run (batch)",
            "            [--model M] [--compare-models M,M] [--min-track-streams N] [--min-track-listeners L]",
            "  generate  --plays N --seed S --output DIR [--period YYYY-MM] [--months K]  synthetic inputs",
            "  demo      [--plays N] [--output DIR]                          generate a month, then run it",
            "  bench     [--plays N] [--work DIR] [--parallelism N]          time the monthly run",
            "  ingest    --bootstrap-servers HOST:PORT --archive DIR ...     the live path (streaming)",
            "  sql       FILE --output DIR [--input DIR] [--jdbc-url URL] [--set name=value ...] [--csv]",
            "                                                                run a query file on outputs",
            "  statement --output DIR --period P (--artist A | --all) [--format pdf|csv|html]  artist statements",
            "  dsr       --output DIR --period P [--currency C]             per-recording usage, DDEX DSR flat file",
            "  report    --output DIR --period P [--revision N]             the run report for finance (HTML)");

    private Royalties() {}

    public static void main(String[] args) throws Exception {
        if (insideJobManager()) {
            // Submitted through the REST API, main() runs inside the JobManager: never exit its JVM;
            // a failure travels back to the caller as the exception, with its one-line reason.
            int code = run(args);
            if (code != 0) {
                throw new IllegalStateException("royalties exited with code " + code);
            }
            return;
        }
        // Locally the embedded cluster may leave non-daemon threads behind: end the JVM explicitly.
        System.exit(execute(args, System.err));
    }

    /** True when Flink runs this main() in a JobManager (REST /jars/run, application mode). */
    public static boolean insideJobManager() {
        try {
            return insideJobManager(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same, for a job's configuration (Flink sets the "embedded" target in a JobManager). */
    public static boolean insideJobManager(org.apache.flink.configuration.ReadableConfig conf) {
        return "embedded".equals(conf.get(DeploymentOptions.TARGET));
    }

    /** Runs a command; a failure becomes one line on {@code err} and a non-zero exit code. */
    public static int execute(String[] args, PrintStream err) {
        try {
            return run(args);
        } catch (UsageException e) {
            err.println("royalties: " + e.getMessage());
            return 2;
        } catch (RunLockedException e) {
            err.println("royalties: " + e.getMessage());
            return 3;
        } catch (ReferenceDataException | InputFormatException e) {
            err.println("royalties: " + flat(e.getMessage()));
            return 1;
        } catch (Exception e) {
            ReferenceDataException ref = find(e, ReferenceDataException.class);
            InputFormatException in = find(e, InputFormatException.class);
            err.println("royalties: " + flat(ref != null ? ref.getMessage() : in != null ? in.getMessage()
                    : "failed: " + oneLine(e)));
            if (System.getenv("ROYALTIES_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** Data can hold line breaks (a key with a newline); the error stays one line. */
    private static String flat(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Runs a command and returns its exit code; exceptions are the caller's to report. */
    public static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "monthly" -> MonthlyCommand.run(rest);
            case "generate" -> GenerateCommand.run(rest);
            case "demo" -> DemoCommand.run(rest);
            case "bench" -> BenchCommand.run(rest);
            case "ingest" -> IngestCommand.run(rest);
            case "sql" -> SqlCommand.run(rest);
            case "statement" -> dev.royalties.jobs.report.StatementCommand.run(rest);
            case "dsr" -> dev.royalties.jobs.report.DsrCommand.run(rest);
            case "report" -> dev.royalties.jobs.report.ReportCommand.run(rest);
            default -> throw new UsageException("unknown command '" + args[0] + "'\n" + USAGE);
        };
    }

    /** A JDBC URL fit for an error message: without its query string, which may hold a password. */
    public static String withoutQuery(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    /** The innermost cause that says something, on one line. */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof ReferenceDataException || t instanceof InputFormatException) {
                break;
            }
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replace('\n', ' ');
    }
}
