package dev.royalties.jobs.sql;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code royalties sql FILE --output DIR [--input DIR] [--set name=value ...] [--csv]}: runs a
 * query file of the library (sql/queries/) on an embedded Flink in batch mode over a run's output
 * folder and prints each query's rows as an aligned table, or as CSV. Under `flink run` the same
 * command runs on the cluster. See docs/sql.md.
 */
public final class SqlCommand {
    static final String USAGE = "usage: royalties sql FILE --output DIR [--input DIR] [--jdbc-url URL"
            + " [--jdbc-user U] [--jdbc-password P]] [--set name=value ...] [--csv]";
    private static final Set<String> OPTIONS = Set.of("output", "input", "set", "jdbc-url", "jdbc-user",
            "jdbc-password");
    private static final Set<String> FLAGS = Set.of("csv");

    private SqlCommand() {}

    public static int run(String[] args) throws Exception {
        return run(args, System.out);
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new UsageException("sql: missing the query FILE; " + USAGE);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("sql: no such query file: " + file);
        }
        Args a = Args.parse("sql", java.util.Arrays.copyOfRange(args, 1, args.length), OPTIONS, FLAGS);
        String input = a.string("input", null);
        SqlRunner.Jdbc jdbc = a.has("jdbc-url") ? new SqlRunner.Jdbc(a.required("jdbc-url"),
                a.string("jdbc-user", null), a.string("jdbc-password", System.getenv("ROYALTIES_JDBC_PASSWORD")))
                : null;
        // The outputs are what the library is about; inputs or the database alone are allowed too.
        String output = input == null && jdbc == null ? a.required("output") : a.string("output", null);
        SqlScript script = new SqlScript(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> values = parameters(a.all("set"), script);
        List<SqlResult> results;
        try (SqlRunner runner = SqlRunner.open(output, input, jdbc)) {
            results = runner.execute(script, values);
        }
        boolean csv = a.flag("csv");
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out.println();
            }
            if (csv) {
                ResultPrinter.csv(results.get(i), out);
            } else {
                ResultPrinter.table(results.get(i), out);
            }
        }
        out.flush();
        return 0;
    }

    /** --set name=value pairs; names must be parameters the file declares or uses. */
    static Map<String, String> parameters(List<String> sets, SqlScript script) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> known = new java.util.TreeSet<>(script.parameters().keySet());
        known.addAll(script.placeholders());
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("sql: --set needs name=value, got '" + s + "'");
            }
            String name = s.substring(0, eq).strip();
            if (!known.contains(name)) {
                throw new UsageException("sql: " + script.name() + " has no parameter '" + name + "'"
                        + (known.isEmpty() ? "" : " (parameters: " + String.join(", ", known) + ")"));
            }
            values.put(name, s.substring(eq + 1));
        }
        return values;
    }
}
