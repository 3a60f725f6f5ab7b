package dev.royalties.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * A table of the data contract: its name and typed columns. Written as Parquet with DECIMAL(18,2)
 * money, DECIMAL(9,6) shares, INT64 microsecond UTC timestamps and UTF-8 strings, so that DuckDB,
 * Spark, Trino and Flink SQL read it without casts.
 */
public record TableSchema(String name, List<Column> columns) implements Serializable {

    public static TableSchema of(String name, Object... nameTypePairs) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            cols.add(new Column((String) nameTypePairs[i], (ColumnType) nameTypePairs[i + 1]));
        }
        return new TableSchema(name, List.copyOf(cols));
    }

    public int size() {
        return columns.size();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + column);
    }

    public MessageType parquetType() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : columns) {
            b.addField(parquetField(c));
        }
        return b.named(name);
    }

    private static Type parquetField(Column c) {
        return switch (c.type()) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named(c.name());
            case INT -> Types.optional(PrimitiveTypeName.INT32).named(c.name());
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
            case MONEY -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.decimalType(2, 18)).named(c.name());
            case SHARE -> Types.optional(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.decimalType(6, 9)).named(c.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(c.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
        };
    }
}
