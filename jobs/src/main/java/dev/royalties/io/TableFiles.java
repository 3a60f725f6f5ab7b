package dev.royalties.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.io.InputFile;

/**
 * The files of a table folder, at any depth (Hive-style partition folders carry no meaning),
 * through Flink's file systems so that the same code reads a local disk or a cluster's store.
 * Names starting with '_' or '.' are skipped, as Flink, Spark and Hive do (_SUCCESS, .crc, ...).
 */
public final class TableFiles {
    private TableFiles() {}

    public static boolean exists(Path dir) throws IOException {
        return dir.getFileSystem().exists(dir);
    }

    public static List<Path> list(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        List<Path> out = new ArrayList<>();
        if (fs.exists(dir)) {
            collect(fs, dir, out);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static void collect(FileSystem fs, Path dir, List<Path> out) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return;
        }
        for (FileStatus s : children) {
            String name = s.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (s.isDir()) {
                collect(fs, s.getPath(), out);
            } else {
                out.add(s.getPath());
            }
        }
    }

    public static InputFile open(Path file) throws IOException {
        FileSystem fs = file.getFileSystem();
        return new ParquetInputFile(fs.open(file), fs.getFileStatus(file).getLen());
    }

    /** Every row of a (small) table folder; a missing folder reads as empty. */
    public static <T> List<T> readAll(Path dir, TableSchema schema, RowMapper<T> mapper) throws IOException {
        List<T> rows = new ArrayList<>();
        for (Path file : list(dir)) {
            try (ParquetRowReader<T> r = new ParquetRowReader<>(open(file), file.toString(), schema, mapper, null)) {
                for (T row = r.next(); row != null; row = r.next()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
