package dev.royalties.testing;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/** Writes small input folders in the spec §2 layout for tests: one Parquet file per call. */
public final class InputFolder {
    private final Path root;
    private int files;

    public InputFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public InputFolder write(TableSchema table, List<Object[]> rows) throws IOException {
        return write(table, table.name() + "/part-" + files++ + ".parquet", rows);
    }

    public InputFolder write(TableSchema table, String relativePath, List<Object[]> rows) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        try (ParquetWriter<Object[]> w = ParquetRows.writer(new LocalOutputFile(file), table)) {
            for (Object[] r : rows) {
                w.write(r);
            }
        }
        return this;
    }

    /**
     * A minimal consistent month: tracks T1 (two artists A1 60 % and A2 40 %) and T2 (A3, fully AI),
     * one FR premium pool of 100.00 EUR in 2026-10; no plays yet.
     */
    public static InputFolder minimalMonth(Path root) throws IOException {
        return new InputFolder(root)
                .write(Tables.TRACKS, List.of(new Object[] {"T1", "ISRC1", 200_000, "none"},
                        new Object[] {"T2", "ISRC2", 180_000, "full"}))
                .write(Tables.TRACK_RIGHTS, List.of(new Object[] {"T1", "A1", 600_000L},
                        new Object[] {"T1", "A2", 400_000L}, new Object[] {"T2", "A3", 1_000_000L}))
                .write(Tables.REVENUE_POOLS, List.<Object[]>of(new Object[] {"2026-10", "FR", "premium", 10_000L, "EUR"}));
    }

    public static long at(String iso) {
        return Times.parseInstant(iso);
    }
}
