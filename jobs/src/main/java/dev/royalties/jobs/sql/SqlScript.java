package dev.royalties.jobs.sql;

import dev.royalties.jobs.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file of the query library: statements separated by ';', placeholders {@code ${name}}
 * and parameter declarations in comments:
 * <pre>
 * -- @param artist             a required parameter
 * -- @param revision latest    a parameter with a default value
 * </pre>
 * Values are substituted as text; single quotes in a value are doubled, since every placeholder
 * of the library sits inside a string literal. The same files run in Flink's SQL client after
 * substituting the placeholders with envsubst (docs/sql.md).
 */
public final class SqlScript {
    private static final Pattern PARAM = Pattern.compile("^[ \\t]*--[ \\t]*@param[ \\t]+([A-Za-z_][A-Za-z0-9_]*)(?:[ \\t]+(\\S.*?))?[ \\t]*$",
            Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String name;
    private final String text;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    public SqlScript(String name, String text) {
        this.name = name;
        this.text = text;
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            if (m.group(2) == null) {
                required.add(m.group(1));
            } else {
                defaults.put(m.group(1), m.group(2));
            }
        }
    }

    public String name() {
        return name;
    }

    /** The declared parameters with their defaults (null = required). */
    public Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>();
        required.forEach(p -> all.put(p, null));
        all.putAll(defaults);
        return all;
    }

    /** The names used as {@code ${name}} in the text (declared or not). */
    public Set<String> placeholders() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(stripComments(text));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The statements with every placeholder replaced.
     *
     * @param values given values; declared defaults fill the rest
     * @throws UsageException when a placeholder has no value
     */
    public List<String> statements(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(values);
        List<String> missing = new ArrayList<>();
        for (String p : placeholders()) {
            if (!all.containsKey(p)) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("sql: " + name + " needs " + String.join(", ",
                    missing.stream().map(p -> "--set " + p + "=...").toList()));
        }
        String body = stripComments(text);
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(all.get(m.group(1)).replace("'", "''")));
        }
        m.appendTail(sb);
        return split(sb.toString());
    }

    /** Removes -- and /* *&#47; comments outside string literals (and keeps line breaks). */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.append(sql, i, Math.min(j + 1, n));
                i = j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Splits comment-free SQL at the semicolons outside string literals; blank statements are dropped. */
    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                add(out, cur);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder stmt) {
        String s = stmt.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
