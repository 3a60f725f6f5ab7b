package dev.royalties.jobs.sql;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Prints query results as an aligned text table or as CSV (RFC 4180; NULL is an empty cell). */
public final class ResultPrinter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private ResultPrinter() {}

    /** A value as text: plain decimals, timestamps in UTC with microseconds, NULL as null. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Instant i) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        if (v instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        return v.toString();
    }

    public static void table(SqlResult r, PrintStream out) {
        int n = r.columns().size();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            width[c] = r.columns().get(c).length();
            String t = r.types().get(c);
            right[c] = t.startsWith("DECIMAL") || t.startsWith("BIGINT") || t.startsWith("INT")
                    || t.startsWith("SMALLINT") || t.startsWith("TINYINT") || t.startsWith("DOUBLE")
                    || t.startsWith("FLOAT");
        }
        for (List<Object> row : r.rows()) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                String s = text(row.get(c));
                line[c] = s == null ? "NULL" : s;
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder rule = new StringBuilder("+");
        for (int c = 0; c < n; c++) {
            rule.append("-".repeat(width[c] + 2)).append('+');
        }
        out.println(rule);
        out.println(line(r.columns().toArray(new String[0]), width, new boolean[n]));
        out.println(rule);
        for (String[] line : cells) {
            out.println(line(line, width, right));
        }
        out.println(rule);
        out.println(r.rows().size() + (r.rows().size() == 1 ? " row" : " rows"));
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder b = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(' ').append(right[c] ? pad + cells[c] : cells[c] + pad).append(" |");
        }
        return b.toString();
    }

    public static void csv(SqlResult r, PrintStream out) {
        out.println(String.join(",", r.columns().stream().map(ResultPrinter::csvCell).toList()));
        for (List<Object> row : r.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(csvCell(text(v)));
            }
            out.println(String.join(",", cells));
        }
    }

    private static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
