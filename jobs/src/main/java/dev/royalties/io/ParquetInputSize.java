package dev.royalties.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * How much a table's reading will be, from the Parquet footers alone: the rows of the row groups
 * a run reads (those a {@link ParquetRowReader} would skip on the time range are left out) and
 * the bytes of the files. Files are found as Flink's FileSource finds them (any depth, names
 * starting with '.' or '_' ignored).
 */
public record ParquetInputSize(long files, long bytes, long rows) {

    public static ParquetInputSize of(Path dir, TimeRange range) throws IOException {
        FileSystem fs = dir.getFileSystem();
        List<FileStatus> found = new ArrayList<>();
        collect(fs, dir, found);
        long bytes = 0;
        long rows = 0;
        for (FileStatus f : found) {
            bytes += f.getLen();
            rows += rows(fs, f, range);
        }
        return new ParquetInputSize(found.size(), bytes, rows);
    }

    private static void collect(FileSystem fs, Path dir, List<FileStatus> found) throws IOException {
        FileStatus[] listed = fs.listStatus(dir);
        if (listed == null) {
            return;
        }
        for (FileStatus s : listed) {
            String name = s.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (s.isDir()) {
                collect(fs, s.getPath(), found);
            } else {
                found.add(s);
            }
        }
    }

    private static long rows(FileSystem fs, FileStatus f, TimeRange range) throws IOException {
        try (ParquetFileReader reader = new ParquetFileReader(new ParquetInputFile(fs.open(f.getPath()), f.getLen()),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            Type column = range == null ? null
                    : ParquetRowReader.find(reader.getFooter().getFileMetaData().getSchema(), range.column());
            boolean byTime = column != null && column.isPrimitive()
                    && column.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64;
            long rows = 0;
            for (BlockMetaData block : reader.getRowGroups()) {
                if (!byTime || !RowGroups.outside(block, column.asPrimitiveType(), range)) {
                    rows += block.getRowCount();
                }
            }
            return rows;
        }
    }
}
