package dev.royalties.io;

import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of a {@link TableSchema}; each value is turned into an Object[] of String, Long,
 * Integer, Boolean or null first, in the schema's column order.
 */
final class RowWriteSupport<T> extends WriteSupport<T> {
    private final TableSchema schema;
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

    RowWriteSupport(TableSchema schema, RowExtractor<T> extractor) {
        this.schema = schema;
        this.extractor = extractor;
        this.type = schema.parquetType();
        this.lastString = new String[schema.columns().size()];
        this.lastBinary = new Binary[schema.columns().size()];
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

    @Override
    public void write(T record) {
        Object[] row = extractor.values(record);
        out.startMessage();
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            Column c = schema.columns().get(i);
            out.startField(c.name(), i);
            switch (c.type()) {
                case STRING -> out.addBinary(binary(i, (String) v));
                case INT, SHARE -> out.addInteger(Math.toIntExact(((Number) v).longValue()));
                case BIGINT, MONEY, TIMESTAMP -> out.addLong(((Number) v).longValue());
                case BOOLEAN -> out.addBoolean((Boolean) v);
            }
            out.endField(c.name(), i);
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
