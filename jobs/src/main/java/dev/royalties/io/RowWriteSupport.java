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

    RowWriteSupport(TableSchema schema, RowExtractor<T> extractor) {
        this.schema = schema;
        this.extractor = extractor;
        this.type = schema.parquetType();
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
                case STRING -> out.addBinary(Binary.fromString((String) v));
                case INT, SHARE -> out.addInteger(Math.toIntExact(((Number) v).longValue()));
                case BIGINT, MONEY, TIMESTAMP -> out.addLong(((Number) v).longValue());
                case BOOLEAN -> out.addBoolean((Boolean) v);
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }
}
