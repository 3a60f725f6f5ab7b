package dev.royalties.io;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The row groups of one Parquet file that a reader reads, in order: a group whose statistics say it
 * holds no row of the time range is skipped unread. One place for the skipping and for the one line
 * that names a damaged file, for the row reader and the plays' columnar reader alike.
 */
public final class RowGroups {
    private final ParquetFileReader reader;
    private final String where;
    private final boolean[] skip;
    private int next;

    /** @param rangeType the file's column of the range (an INT64 timestamp), or null to read every group */
    public RowGroups(ParquetFileReader reader, String where, PrimitiveType rangeType, TimeRange range) {
        this.reader = reader;
        this.where = where;
        List<BlockMetaData> blocks = reader.getRowGroups();
        this.skip = new boolean[blocks.size()];
        for (int i = 0; i < skip.length; i++) {
            skip[i] = rangeType != null && outside(blocks.get(i), rangeType, range);
        }
    }

    /** The next row group to read, or null after the last. */
    public PageReadStore next() throws IOException {
        while (next < skip.length) {
            if (skip[next++]) {
                reader.skipNextRowGroup();
                continue;
            }
            return reader.readNextRowGroup();
        }
        return null;
    }

    /** A failure to read or set up the group {@link #next} gave: the file and the group, in one line. */
    public InputFormatException damaged(Exception e) {
        // A damaged page or row group: name the file, the one thing on-call can act on.
        return new InputFormatException(where + " is damaged: cannot read row group " + next + " of " + skip.length
                + ": " + e.getMessage(), e);
    }

    public static boolean outside(BlockMetaData block, PrimitiveType type, TimeRange range) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().size() == 1 && chunk.getPath().toArray()[0].equals(type.getName())) {
                Statistics<?> s = chunk.getStatistics();
                if (s == null || s.isEmpty() || !s.hasNonNullValue() || !s.isNumNullsSet() || s.getNumNulls() > 0) {
                    return false;
                }
                long min = ColumnConverters.toMicros(type, ((Number) s.genericGetMin()).longValue());
                long max = ColumnConverters.toMicros(type, ((Number) s.genericGetMax()).longValue());
                return max < range.fromMicros() || min >= range.toMicros();
            }
        }
        return false;
    }
}
