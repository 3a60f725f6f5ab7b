package dev.royalties.jobs.bench;

import dev.royalties.jobs.cli.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One configuration the bench times: a name, extra `monthly` options and, for a child JVM, JVM
 * options. Written on the command line as {@code NAME=ARGS}, where ARGS are the words a user
 * would add to `monthly` (e.g. {@code p2-cap100=--parallelism 2 --user-monthly-cap 100}); words
 * with a single dash ({@code -Xmx2g}, {@code -XX:...}, {@code -D...}) are JVM options.
 */
public record BenchVariant(String name, List<String> jvmOptions, List<String> monthlyOptions) {
    /** The bench sets these itself, the same for every variant. */
    static final Set<String> RESERVED = Set.of("--period", "--input", "--output");

    public static BenchVariant parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("bench: --variant takes NAME=ARGS (e.g. 'p2-cap100=--parallelism 2"
                    + " --user-monthly-cap 100'), got '" + spec + "'");
        }
        String name = spec.substring(0, eq).trim();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UsageException("bench: a variant name is letters, digits, '.', '_' or '-' (it names a"
                    + " folder), got '" + name + "'");
        }
        List<String> jvm = new ArrayList<>();
        List<String> monthly = new ArrayList<>();
        for (String word : spec.substring(eq + 1).trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (RESERVED.contains(word.contains("=") ? word.substring(0, word.indexOf('=')) : word)) {
                throw new UsageException("bench: variant " + name + ": " + word + " is set by the bench");
            }
            (word.startsWith("-") && !word.startsWith("--") ? jvm : monthly).add(word);
        }
        return new BenchVariant(name, List.copyOf(jvm), List.copyOf(monthly));
    }

    /** Today's grid: every parallelism with every cap (comma-separated lists of numbers). */
    public static List<BenchVariant> grid(String parallelisms, String caps) {
        List<BenchVariant> grid = new ArrayList<>();
        for (String p : parallelisms.split(",")) {
            for (String c : caps.split(",")) {
                int parallelism;
                long cap;
                try {
                    parallelism = Integer.parseInt(p.trim());
                    cap = Long.parseLong(c.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("bench: --parallelism and --user-monthly-cap take comma-separated"
                            + " numbers");
                }
                grid.add(new BenchVariant("p" + parallelism + (cap > 0 ? "-cap" + cap : "-nocap"), List.of(),
                        List.of("--parallelism", "" + parallelism, "--user-monthly-cap", "" + cap)));
            }
        }
        return grid;
    }

    /** The parallelism the run will use: its --parallelism, else monthly's default (the cores). */
    public int parallelism() {
        String v = option("--parallelism");
        return v == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(v);
    }

    /** The value of a monthly option, written `--name value` or `--name=value`, or null. */
    public String option(String name) {
        String found = null;
        for (int i = 0; i < monthlyOptions.size(); i++) {
            String w = monthlyOptions.get(i);
            if (w.equals(name) && i + 1 < monthlyOptions.size()) {
                found = monthlyOptions.get(i + 1);
            } else if (w.startsWith(name + "=")) {
                found = w.substring(name.length() + 1);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(monthlyOptions);
        return name + " (" + (all.isEmpty() ? "defaults" : String.join(" ", all)) + ")";
    }

    static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
