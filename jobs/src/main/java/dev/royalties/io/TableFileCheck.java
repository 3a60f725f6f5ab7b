package dev.royalties.io;

import java.io.IOException;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Checks every file of a table folder against the data contract by its footer alone (cheap: no
 * data page is read), so that a file that is not Parquet, is truncated, lacks a column or has one
 * of the wrong type stops the run in the driver, before the job starts and before anything is
 * written, with one line naming the file and the column. Damaged data pages and values (a decimal
 * with too many digits) can only show when rows are read, and are reported the same way then.
 */
public final class TableFileCheck {
    private TableFileCheck() {}

    /** The table's files (as {@link TableFiles#list}), each checked; a missing folder has none. */
    public static List<Path> check(Path dir, TableSchema schema) throws IOException {
        List<Path> files = TableFiles.list(dir);
        for (Path file : files) {
            checkFile(file, schema);
        }
        return files;
    }

    static void checkFile(Path file, TableSchema schema) throws IOException {
        FileSystem fs = file.getFileSystem();
        String where = file.toString();
        if (fs.getFileStatus(file).getLen() == 0) {
            throw new InputFormatException(where + " is empty (0 bytes), not a Parquet file: a table folder holds"
                    + " only Parquet files (names starting with _ or . are skipped)");
        }
        try (ParquetFileReader reader = ParquetRowReader.open(TableFiles.open(file), where)) {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            RowBuffer scratch = new RowBuffer(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                Column c = schema.columns().get(i);
                Type field = ParquetRowReader.find(fileSchema, c.name());
                if (field == null && Tables.optionalColumn(schema, c.name())) {
                    continue;
                }
                if (field == null) {
                    throw new InputFormatException(where + ": column " + c.name() + " is missing (table "
                            + schema.name() + " needs " + String.join(", ", schema.columns().stream()
                            .map(Column::name).filter(n -> !Tables.optionalColumn(schema, n)).toList()) + ")");
                }
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new InputFormatException(where + ": column " + c.name() + " is not a plain column");
                }
                ColumnConverters.create(where, c, field.asPrimitiveType(), scratch, i, null);
            }
        }
    }
}
