package dev.royalties.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed job parameters from `--name value` pairs (and bare `--flag`s). Unknown options, missing
 * values and malformed numbers are {@link UsageException}s with a one-line reason.
 */
public final class Args {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * @param options the options this command takes, without dashes
     * @param flags the options that take no value
     */
    public static Args parse(String command, String[] args, Set<String> options, Set<String> flags) {
        Args a = new Args(command);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "true" : value);
                continue;
            }
            if (!options.contains(name)) {
                throw new UsageException(command + ": unknown option --" + name + " (known: "
                        + String.join(", ", options.stream().sorted().map(o -> "--" + o).toList())
                        + (flags.isEmpty() ? "" : ", " + String.join(", ",
                        flags.stream().sorted().map(o -> "--" + o).toList())) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(command + ": option --" + name + " needs a value");
                }
                value = args[++i];
            }
            a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return a;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    public String required(String name) {
        String v = string(name, null);
        if (v == null || v.isBlank()) {
            throw new UsageException(command + ": missing required option --" + name);
        }
        return v;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public long longValue(String name, long fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option --" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public int intValue(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new UsageException(command + ": option --" + name + " is out of range: " + v);
        }
        return (int) v;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }
}
