package dev.royalties.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads one Parquet file as rows of a {@link TableSchema}: only the schema's columns are read
 * (projection), columns are matched by name whatever their order, extra columns are ignored and
 * missing ones read as null. Pull-based ({@link #next()}), so a Flink source can batch it.
 */
public final class ParquetRowReader<T> implements RowSource<T> {
    private final ParquetFileReader reader;
    private final String where;
    private final RowMapper<T> mapper;
    private final RowBuffer buffer;
    private final MessageColumnIO columnIO;
    private final Materializer materializer;
    private final boolean noColumns;
    private final RowGroups groups;
    private RecordReader<RowBuffer> records;
    private long left;

    public ParquetRowReader(InputFile file, String where, TableSchema schema, RowMapper<T> mapper, TimeRange range)
            throws IOException {
        this(file, where, schema, mapper, range, Map.of());
    }

    /** @param coders string columns (by name) whose values also get a code as they are read */
    public ParquetRowReader(InputFile file, String where, TableSchema schema, RowMapper<T> mapper, TimeRange range,
                            Map<String, TextCoder> coders) throws IOException {
        this.where = where;
        this.mapper = mapper;
        this.buffer = new RowBuffer(schema.size());
        this.reader = open(file, where);
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        List<Type> projected = new ArrayList<>();
        List<PrimitiveConverter> converters = new ArrayList<>();
        PrimitiveType rangeType = null;
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.columns().get(i);
            Type field = find(fileSchema, c.name());
            if (field == null) {
                continue;
            }
            if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                throw new InputFormatException(where + ": column " + c.name() + " is not a plain column");
            }
            projected.add(field);
            converters.add(ColumnConverters.create(where, c, field.asPrimitiveType(), buffer, i,
                    coders.get(c.name())));
            if (range != null && c.name().equals(range.column())
                    && field.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64) {
                rangeType = field.asPrimitiveType();
            }
        }
        this.noColumns = projected.isEmpty();
        MessageType requested = new MessageType(fileSchema.getName(), projected);
        reader.setRequestedSchema(requested);
        this.columnIO = new ColumnIOFactory().getColumnIO(requested, fileSchema);
        this.materializer = new Materializer(buffer, converters.toArray(new PrimitiveConverter[0]));
        this.groups = new RowGroups(reader, where, rangeType, range);
    }

    /** Opens a file and reads its footer; a file that is not Parquet, or is truncated, is one line naming it. */
    public static ParquetFileReader open(InputFile file, String where) {
        try {
            // Without a configuration the builder makes a Hadoop Configuration and codec factory per
            // file: about 3 ms each, as long as reading 100 000 rows (FooterCheckBench).
            return new ParquetFileReader(file, ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(where + " is not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    public static Type find(MessageType schema, String name) {
        if (schema.containsField(name)) {
            return schema.getType(name);
        }
        for (Type t : schema.getFields()) {
            if (t.getName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** The next row, or null at the end of the file. */
    @Override
    public T next() throws IOException {
        while (left == 0) {
            try {
                PageReadStore pages = groups.next();
                if (pages == null) {
                    return null;
                }
                left = pages.getRowCount();
                if (!noColumns) {
                    records = columnIO.getRecordReader(pages, materializer);
                }
            } catch (IOException | RuntimeException e) {
                throw groups.damaged(e);
            }
        }
        left--;
        try {
            if (noColumns) {
                buffer.clear();
                return mapper.map(buffer);
            }
            return mapper.map(records.read());
        } catch (InputFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputFormatException(where + ": cannot read a row: " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class Materializer extends RecordMaterializer<RowBuffer> {
        private final RowBuffer buffer;
        private final GroupConverter root;

        Materializer(RowBuffer buffer, PrimitiveConverter[] converters) {
            this.buffer = buffer;
            this.root = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return converters[fieldIndex];
                }

                @Override
                public void start() {
                    buffer.clear();
                }

                @Override
                public void end() {}
            };
        }

        @Override
        public RowBuffer getCurrentRecord() {
            return buffer;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
