package dev.royalties.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;

/**
 * Reads a table's Parquet files in a Flink FileSource, one file per split, through the projected
 * {@link ParquetRowReader}. Row groups outside the optional time range are skipped by statistics.
 */
public final class ParquetTableFormat<T> implements BulkFormat<T, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;

    private final TableSchema schema;
    private final RowMapper<T> mapper;
    private final TimeRange range;
    private final TypeInformation<T> type;
    private final Map<String, TextCoder> coders;

    public ParquetTableFormat(TableSchema schema, RowMapper<T> mapper, TimeRange range, TypeInformation<T> type) {
        this(schema, mapper, range, type, Map.of());
    }

    /** @param coders string columns (by name) whose values also get a code as they are read ({@link TextCoder}) */
    public ParquetTableFormat(TableSchema schema, RowMapper<T> mapper, TimeRange range, TypeInformation<T> type,
                              Map<String, TextCoder> coders) {
        this.schema = schema;
        this.mapper = mapper;
        this.range = range;
        this.type = type;
        this.coders = new HashMap<>(coders);
    }

    @Override
    public Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
        Path path = split.path();
        FileSystem fs = path.getFileSystem();
        return batches(new ParquetRowReader<>(new ParquetInputFile(fs.open(path), split.fileSize()),
                path.toString(), schema, mapper, range, coders));
    }

    /** A Flink reader of one file's rows, handed over in batches of {@value #BATCH}. */
    public static <T> Reader<T> batches(RowSource<T> rows) {
        return new Reader<>() {
            private long emitted;

            @Override
            public RecordIterator<T> readBatch() throws IOException {
                List<T> batch = new ArrayList<>(BATCH);
                for (T row = rows.next(); row != null; row = rows.next()) {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        break;
                    }
                }
                if (batch.isEmpty()) {
                    return null;
                }
                IteratorResultIterator<T> it = new IteratorResultIterator<>(batch.iterator(),
                        CheckpointedPosition.NO_OFFSET, emitted);
                emitted += batch.size();
                return it;
            }

            @Override
            public void close() throws IOException {
                rows.close();
            }
        };
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        // Bounded runs restart from the beginning of the job; no mid-file position is ever restored.
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
