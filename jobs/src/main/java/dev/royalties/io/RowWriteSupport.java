package dev.royalties.io;

import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes rows of a {@link TableSchema}; each value is turned into an Object[] of String, Long,
 * Integer, Boolean or null first, in the schema's column order.
 */
final class RowWriteSupport<T> extends WriteSupport<T> {
    private final RowExtractor<T> extractor;
    private final MessageType type;
    private RecordConsumer out;
    /**
     * Each string column's last value and its bytes, by identity: rows come grouped (a pool's
     * country, product and currency, an artist's payments), and encoding the same String again for
     * every row was a tenth of writing recording_usage (async-profiler, issue 10).
     */
    private final String[] lastString;
    private final Binary[] lastBinary;

    /**
     * Each column's name and physical type (as {@link TableSchema#parquetType} maps the schema's
     * types), looked up once rather than through the schema's list and an enum switch per field:
     * this method's own code was a seventh of the recording_usage writers' time (2.2 M rows of a
     * dozen columns, async-profiler, issue 10).
     */
    private final String[] names;
    private final int[] kinds;
    private static final int STRING = 0;
    private static final int INT32 = 1;
    private static final int INT64 = 2;
    private static final int BOOLEAN = 3;

    RowWriteSupport(TableSchema schema, RowExtractor<T> extractor) {
        this.extractor = extractor;
        this.type = schema.parquetType();
        int n = type.getFieldCount();
        this.lastString = new String[n];
        this.lastBinary = new Binary[n];
        this.names = new String[n];
        this.kinds = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = type.getFieldName(i);
            PrimitiveTypeName physical = type.getType(i).asPrimitiveType().getPrimitiveTypeName();
            kinds[i] = switch (physical) {
                case BINARY -> STRING;
                case INT32 -> INT32;
                case INT64 -> INT64;
                case BOOLEAN -> BOOLEAN;
                default -> throw new IllegalArgumentException(schema.name() + "." + names[i]
                        + " is written as " + physical + ", which rows of a table schema never are");
            };
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(type, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(type, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    /**
     * Kept apart from the writing of the values: every table's extractor is another class at this
     * call, and C2 compiled the method again for each new one (four times a run, a third of a
     * second of compiler time, JFR); the writing, in a method of its own, is compiled once.
     */
    @Override
    public void write(T record) {
        writeRow(extractor.values(record));
    }

    private void writeRow(Object[] row) {
        out.startMessage();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            String name = names[i];
            out.startField(name, i);
            switch (kinds[i]) {
                case STRING -> out.addBinary(binary(i, (String) v));
                case INT32 -> out.addInteger(Math.toIntExact(((Number) v).longValue()));
                case INT64 -> out.addLong(((Number) v).longValue());
                default -> out.addBoolean((Boolean) v);
            }
            out.endField(name, i);
        }
        out.endMessage();
    }

    private Binary binary(int column, String v) {
        if (lastString[column] != v) {
            lastString[column] = v;
            lastBinary[column] = Binary.fromString(v);
        }
        return lastBinary[column];
    }
}
