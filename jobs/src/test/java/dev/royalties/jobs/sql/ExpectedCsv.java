package dev.royalties.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worked example's expected CSVs (no quoting in them; an empty cell is NULL). */
public final class ExpectedCsv {
    private ExpectedCsv() {}

    public static Path example() {
        try {
            return Path.of(ExpectedCsv.class.getResource("/examples/small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path input() {
        return example().resolve("input");
    }

    public static Path file(int revision, String table) {
        return example().resolve("expected/revision-" + revision + "/" + table + ".csv");
    }

    public static boolean exists(int revision, String table) {
        return Files.exists(file(revision, table));
    }

    /** Rows as column name to text (null for an empty cell), in file order. */
    public static List<Map<String, String>> rows(int revision, String table) {
        try {
            List<String> lines = Files.readAllLines(file(revision, table), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i].isEmpty() ? null : cells[i]);
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
