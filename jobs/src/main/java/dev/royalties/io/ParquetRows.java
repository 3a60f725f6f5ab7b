package dev.royalties.io;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/** Parquet writers for rows of a {@link TableSchema}, for Flink sinks and standalone writers alike. */
public final class ParquetRows {
    private ParquetRows() {}

    /**
     * Event ids: unique per row, so a dictionary never pays (Parquet would fill one, then fall back
     * to plain encoding per row group, hashing every value on the way).
     */
    static final Set<String> UNIQUE_IDS = Set.of("play_id", "usage_id");
    /**
     * The same for the outputs with a row per recording (and pool): in a month of 20 M plays their
     * 97 000 ids outgrew the dictionary page of recording_usage, which was then written plain anyway.
     */
    private static final Set<String> PER_RECORDING = Set.of(Tables.RECORDING_USAGE.name(),
            Tables.TRACK_HISTORY.name());
    private static final Set<String> RECORDING_IDS = Set.of("play_id", "usage_id", "isrc", "track_id");

    public static <T> ParquetWriter<T> writer(OutputFile file, TableSchema schema, RowExtractor<T> extractor)
            throws IOException {
        return writer(file, schema, extractor, PER_RECORDING.contains(schema.name()) ? RECORDING_IDS : UNIQUE_IDS);
    }

    /** The same, without a dictionary for the named columns (the benchmark compares choices). */
    public static <T> ParquetWriter<T> writer(OutputFile file, TableSchema schema, RowExtractor<T> extractor,
                                       Set<String> noDictionary) throws IOException {
        ParquetWriter.Builder<T, ?> b = builder(file, schema, extractor);
        for (Column c : schema.columns()) {
            if (noDictionary.contains(c.name())) {
                b.withDictionaryEncoding(c.name(), false);
            }
        }
        return b.build();
    }

    /** The writers' builder, for a test that needs other pages or another format version. */
    public static <T> ParquetWriter.Builder<T, ?> builder(OutputFile file, TableSchema schema,
                                                         RowExtractor<T> extractor) {
        return new Builder<>(file, schema, extractor)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                // Per-page size histograms (new in Parquet 1.14) that no reader of ours uses; building
                // them was 9 % of the samples of the thread that encoded recording_usage (JFR).
                .withSizeStatisticsEnabled(false)
                .withConf(new Configuration(false));
    }

    public static ParquetWriter<Object[]> writer(OutputFile file, TableSchema schema) throws IOException {
        return writer(file, schema, row -> row);
    }

    /** A bulk writer factory for Flink's FileSink. */
    public static <T> ParquetWriterFactory<T> sinkFormat(TableSchema schema, RowExtractor<T> extractor) {
        return new ParquetWriterFactory<>(out -> writer(out, schema, extractor));
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final TableSchema schema;
        private final RowExtractor<T> extractor;

        Builder(OutputFile file, TableSchema schema, RowExtractor<T> extractor) {
            super(file);
            this.schema = schema;
            this.extractor = extractor;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(schema, extractor);
        }
    }
}
