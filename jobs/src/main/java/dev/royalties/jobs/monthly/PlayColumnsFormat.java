package dev.royalties.jobs.monthly;

import dev.royalties.io.ParquetRowReader;
import dev.royalties.io.ParquetTableFormat;
import dev.royalties.io.RowMapper;
import dev.royalties.io.Tables;
import dev.royalties.io.TimeRange;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.io.InputFile;

/**
 * The plays table in a Flink FileSource, one file per split, as records for {@link ValidatePlays}:
 * read column by column ({@link PlayColumns}) where a file has the contract's plain column types,
 * row by row otherwise. With {@code columnar} off every row comes as an unchecked {@link Play} (the
 * general pipeline works on plays).
 */
final class PlayColumnsFormat implements BulkFormat<UserPlayRecord, FileSourceSplit> {
    private static final long serialVersionUID = 1L;
    static final String CRASH_POINT = "reading-plays";

    private final Catalogue catalogue;
    private final Period period;
    private final TimeRange range;
    private final boolean columnar;

    PlayColumnsFormat(Catalogue catalogue, Period period, TimeRange range, boolean columnar) {
        this.catalogue = catalogue;
        this.period = period;
        this.range = range;
        this.columnar = columnar;
    }

    @Override
    public Reader<UserPlayRecord> createReader(Configuration config, FileSourceSplit split) throws IOException {
        CrashPoint.reach(CRASH_POINT);
        Path path = split.path();
        FileSystem fs = path.getFileSystem();
        String where = path.toString();
        PlayColumns columns = columnar ? PlayColumns.open(ParquetRowReader.open(file(fs, split), where), where,
                catalogue, period, range) : null;
        if (columns != null) {
            return ParquetTableFormat.batches(columns);
        }
        RowMapper<Play> plays = TrackIndexedPlays.mapper(Tables.PLAY);
        return ParquetTableFormat.batches(new ParquetRowReader<>(file(fs, split), where, Tables.PLAYS,
                r -> UserPlayRecord.unchecked(plays.map(r)), range, TrackIndexedPlays.coders(catalogue)));
    }

    private static InputFile file(FileSystem fs, FileSourceSplit split) throws IOException {
        return new ParquetInputFile(fs.open(split.path()), split.fileSize());
    }

    @Override
    public Reader<UserPlayRecord> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        // Bounded runs restart from the beginning of the job; no mid-file position is ever restored.
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<UserPlayRecord> getProducedType() {
        return Streams.USER_PLAY_RECORD;
    }
}
