package dev.royalties.jobs.generate;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/** Local Parquet files in the contract's schemas, through the engine's own writer. */
final class ParquetFiles {
    private ParquetFiles() {}

    static ParquetWriter<Object[]> open(Path file, TableSchema schema) throws IOException {
        Files.createDirectories(file.getParent());
        return ParquetRows.writer(new LocalOutputFile(file), schema);
    }

    /** Call once the writer of file is closed: makes its bytes reproducible, returns its size. */
    static long seal(Path file) throws IOException {
        StableFooter.rewrite(file);
        return Files.size(file);
    }

    /** A small table in one file: `<root>/<table>/part-00000.parquet`. */
    static WrittenFile writeTable(Path root, TableSchema schema, List<Object[]> rows) throws IOException {
        Path file = root.resolve(schema.name()).resolve("part-00000.parquet");
        try (ParquetWriter<Object[]> out = open(file, schema)) {
            for (Object[] row : rows) {
                out.write(row);
            }
        }
        return new WrittenFile(schema.name(), rows.size(), seal(file));
    }
}
