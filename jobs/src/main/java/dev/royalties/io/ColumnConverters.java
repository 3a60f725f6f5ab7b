package dev.royalties.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Converters from a file's physical column to the engine's in-memory type. Every timestamp encoding
 * of the contract is accepted (INT64 millis, micros or nanos, UTC-adjusted or not, and INT96) and
 * always read as UTC; decimals are rescaled exactly or rejected.
 */
final class ColumnConverters {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MICROS_PER_DAY = dev.royalties.rules.Times.MICROS_PER_DAY;

    private ColumnConverters() {}

    /** @param coder codes a string column's values as it is read, or null */
    static PrimitiveConverter create(String where, Column target, PrimitiveType fileType, RowBuffer buf, int idx,
                                     TextCoder coder) {
        PrimitiveTypeName physical = fileType.getPrimitiveTypeName();
        LogicalTypeAnnotation logical = fileType.getLogicalTypeAnnotation();
        String what = where + ": column " + target.name() + " is " + describe(fileType) + ", expected ";
        switch (target.type()) {
            case STRING:
                if (physical == PrimitiveTypeName.BINARY || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    return new Text(buf, idx, coder);
                }
                throw new InputFormatException(what + "a string");
            case TIMESTAMP:
                if (physical == PrimitiveTypeName.INT96) {
                    return new Int96Timestamp(buf, idx);
                }
                if (physical == PrimitiveTypeName.INT64 && logical instanceof TimestampLogicalTypeAnnotation ts) {
                    return new Whole(buf, idx, switch (ts.getUnit()) {
                        case MILLIS -> 1000L;
                        case MICROS -> 1L;
                        case NANOS -> -1000L;
                    });
                }
                throw new InputFormatException(what + "a timestamp (INT64 with a timestamp annotation, or INT96)");
            case INT:
            case BIGINT:
                if ((physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
                        && (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation)) {
                    return new Whole(buf, idx, 1L);
                }
                throw new InputFormatException(what + "an integer");
            case MONEY:
            case SHARE:
                if (logical instanceof DecimalLogicalTypeAnnotation dec) {
                    return new Decimal(buf, idx, dec.getScale(), target.type().scale(), where + ": column "
                            + target.name());
                }
                throw new InputFormatException(what + "a DECIMAL with scale " + target.type().scale());
            case BOOLEAN:
                if (physical == PrimitiveTypeName.BOOLEAN) {
                    return new Flag(buf, idx);
                }
                throw new InputFormatException(what + "a boolean");
            default:
                throw new IllegalStateException(target.type().toString());
        }
    }

    /** A timestamp column's raw statistics value in microseconds, for row-group skipping. */
    static long toMicros(PrimitiveType fileType, long raw) {
        if (fileType.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation ts) {
            return switch (ts.getUnit()) {
                case MILLIS -> raw * 1000L;
                case MICROS -> raw;
                case NANOS -> Math.floorDiv(raw, 1000L);
            };
        }
        throw new IllegalArgumentException("not an INT64 timestamp");
    }

    static String describe(PrimitiveType t) {
        LogicalTypeAnnotation l = t.getLogicalTypeAnnotation();
        return t.getPrimitiveTypeName() + (l == null ? "" : " (" + l + ")");
    }

    /**
     * A string column. With a {@link TextCoder} each value also gets a code, computed once per
     * dictionary entry like the string itself.
     */
    private static final class Text extends PrimitiveConverter {
        private final RowBuffer buf;
        private final int idx;
        /** Null when the column has no coder. */
        private final TextCoder coder;
        private String[] dictionary;
        private int[] codes;

        Text(RowBuffer buf, int idx, TextCoder coder) {
            this.buf = buf;
            this.idx = idx;
            this.coder = coder;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            // Decoded once per row group: repeated ids (users, tracks, countries) share one String.
            dictionary = new String[d.getMaxId() + 1];
            codes = coder == null ? null : new int[dictionary.length];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = d.decodeToBinary(i).toStringUsingUTF8();
                if (codes != null) {
                    codes[i] = coder.code(dictionary[i]);
                }
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            buf.text[idx] = dictionary[id];
            buf.present[idx] = true;
            if (codes != null) {
                buf.code[idx] = codes[id];
                buf.coded[idx] = true;
            }
        }

        @Override
        public void addBinary(Binary value) {
            String s = value.toStringUsingUTF8();
            buf.text[idx] = s;
            buf.present[idx] = true;
            if (coder != null) {
                buf.code[idx] = coder.code(s);
                buf.coded[idx] = true;
            }
        }
    }

    /** Integers and INT64 timestamps; a negative factor divides (nanoseconds to microseconds). */
    private static final class Whole extends PrimitiveConverter {
        private final RowBuffer buf;
        private final int idx;
        private final long factor;

        Whole(RowBuffer buf, int idx, long factor) {
            this.buf = buf;
            this.idx = idx;
            this.factor = factor;
        }

        @Override
        public void addInt(int value) {
            addLong(value);
        }

        @Override
        public void addLong(long value) {
            buf.number[idx] = factor == 1L ? value : factor > 0 ? value * factor : Math.floorDiv(value, -factor);
            buf.present[idx] = true;
        }
    }

    private static final class Int96Timestamp extends PrimitiveConverter {
        private final RowBuffer buf;
        private final int idx;

        Int96Timestamp(RowBuffer buf, int idx) {
            this.buf = buf;
            this.idx = idx;
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = b.getLong();
            long julianDay = b.getInt() & 0xFFFFFFFFL;
            buf.number[idx] = (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
            buf.present[idx] = true;
        }
    }

    private static final class Decimal extends PrimitiveConverter {
        private final RowBuffer buf;
        private final int idx;
        private final int fileScale;
        private final int targetScale;
        private final String where;

        Decimal(RowBuffer buf, int idx, int fileScale, int targetScale, String where) {
            this.buf = buf;
            this.idx = idx;
            this.fileScale = fileScale;
            this.targetScale = targetScale;
            this.where = where;
        }

        @Override
        public void addInt(int value) {
            addLong(value);
        }

        @Override
        public void addLong(long unscaled) {
            buf.number[idx] = rescale(BigInteger.valueOf(unscaled));
            buf.present[idx] = true;
        }

        @Override
        public void addBinary(Binary value) {
            buf.number[idx] = rescale(new BigInteger(value.getBytes()));
            buf.present[idx] = true;
        }

        private long rescale(BigInteger unscaled) {
            try {
                return exact(unscaled);
            } catch (ArithmeticException e) {
                throw new InputFormatException(where + " has a value out of range for DECIMAL(18," + targetScale
                        + "): " + new java.math.BigDecimal(unscaled, fileScale).toPlainString());
            }
        }

        private long exact(BigInteger unscaled) {
            if (fileScale == targetScale) {
                return unscaled.longValueExact();
            }
            if (fileScale < targetScale) {
                return unscaled.multiply(BigInteger.TEN.pow(targetScale - fileScale)).longValueExact();
            }
            BigInteger[] qr = unscaled.divideAndRemainder(BigInteger.TEN.pow(fileScale - targetScale));
            if (qr[1].signum() != 0) {
                throw new InputFormatException(where + " has a value with more than " + targetScale
                        + " decimals: " + new java.math.BigDecimal(unscaled, fileScale).toPlainString());
            }
            return qr[0].longValueExact();
        }
    }

    private static final class Flag extends PrimitiveConverter {
        private final RowBuffer buf;
        private final int idx;

        Flag(RowBuffer buf, int idx) {
            this.buf = buf;
            this.idx = idx;
        }

        @Override
        public void addBoolean(boolean value) {
            buf.number[idx] = value ? 1 : 0;
            buf.present[idx] = true;
        }
    }
}
