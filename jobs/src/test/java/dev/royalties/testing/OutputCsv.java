package dev.royalties.testing;

import dev.royalties.io.Column;
import dev.royalties.io.ColumnType;
import dev.royalties.io.ParquetRowReader;
import dev.royalties.io.RowBuffer;
import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an output partition back as CSV lines in the worked example's format (empty cell = null,
 * amounts with their scale, timestamps as "yyyy-MM-dd HH:mm:ss.ffffff" without trailing zeros).
 */
public final class OutputCsv {
    private OutputCsv() {}

    public static List<String> read(Path output, TableSchema table, String period, int revision) throws IOException {
        Path dir = output.resolve(table.name()).resolve("period=" + period).resolve("revision=" + revision);
        List<String> lines = new ArrayList<>();
        for (org.apache.flink.core.fs.Path file : TableFiles.list(new org.apache.flink.core.fs.Path(dir.toUri()))) {
            try (ParquetRowReader<String> r = new ParquetRowReader<>(TableFiles.open(file), file.toString(), table,
                    row -> line(table, row), null)) {
                for (String l = r.next(); l != null; l = r.next()) {
                    lines.add(l);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    /**
     * An output partition as the worked example's expected CSV shows it: only the columns its header
     * names (columns added since, such as below_threshold_units, are not in the spec's CSVs).
     */
    public static List<String> readAsIn(Path csv, Path output, TableSchema table, String period, int revision)
            throws IOException {
        return read(output, projected(table, csv), period, revision);
    }

    /** The table with only the columns an expected CSV's header names, in its order. */
    public static TableSchema projected(TableSchema table, Path csv) throws IOException {
        String header = Files.readAllLines(csv).get(0);
        List<Column> cols = new ArrayList<>();
        for (String name : header.split(",")) {
            cols.add(table.columns().get(table.indexOf(name)));
        }
        return new TableSchema(table.name(), List.copyOf(cols));
    }

    public static List<String> expected(Path csv) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.remove(0);
        lines.removeIf(String::isEmpty);
        lines.sort(null);
        return lines;
    }

    private static String line(TableSchema table, RowBuffer row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < table.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (row.isNull(i)) {
                continue;
            }
            Column c = table.columns().get(i);
            ColumnType t = c.type();
            switch (t) {
                case STRING -> sb.append(row.string(i));
                case MONEY, SHARE -> sb.append(BigDecimal.valueOf(row.number(i, 0), t.scale()).toPlainString());
                case TIMESTAMP -> sb.append(Times.sql(row.number(i, 0)));
                case BOOLEAN -> sb.append(row.bool(i));
                default -> sb.append(row.number(i, 0));
            }
        }
        return sb.toString();
    }
}
