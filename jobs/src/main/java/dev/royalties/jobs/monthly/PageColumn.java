package dev.royalties.jobs.monthly;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One flat column of a row group, decoded a page at a time into arrays: its definition levels and
 * dictionary ids by runs (the run-length / bit-packed hybrid of the format), its plain values read
 * in place from the page's bytes. It stands in for parquet-mr's column reader on the plays' hot
 * path, which decodes value by value behind several calls per value (its run-length decoder, its
 * value readers and their checks were two thirds of the reading thread; docs/decisions.md). Only the
 * encodings of {@link #DECODED} are read; {@link #reads} says whether a column chunk has others, and
 * the caller then leaves the file to parquet-mr.
 *
 * <p>After {@link #next} returns true, the value is in {@link #entry} (a dictionary id) or, where the
 * page is plain, in {@link #array} at {@link #offset} for {@link #length} bytes (BINARY) or in
 * {@link #whole} (INT32, INT64).
 */
final class PageColumn {
    /** The value encodings read here; a chunk with any other goes to parquet-mr. */
    static final Set<Encoding> DECODED = EnumSet.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY,
            Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final PageReader pages;
    private final ColumnDescriptor column;
    private final PrimitiveTypeName type;
    private final int maxDefinition;
    private final Dictionary dictionary;
    private final String where;
    /** Values left in the chunk, nulls included. */
    private long left;

    private int count;
    private int position;
    private int[] definitions = new int[0];
    /** Whether the page has a null; when not, {@link #definitions} is not looked at. */
    private boolean nulls;
    private boolean dictionaryPage;
    private int[] ids = new int[0];
    private int valueIndex;
    private int cursor;

    int entry;
    byte[] array;
    int offset;
    int length;
    long whole;

    /** @param where the file, for a one-line error */
    PageColumn(PageReader pages, ColumnDescriptor column, String where) throws IOException {
        this.pages = pages;
        this.column = column;
        this.type = column.getPrimitiveType().getPrimitiveTypeName();
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.where = where;
        this.left = pages.getTotalValueCount();
        DictionaryPage d = pages.readDictionaryPage();
        this.dictionary = d == null ? null : d.getEncoding().initDictionary(column, d);
    }

    /** Whether a column chunk with these encodings is read here. */
    static boolean reads(Set<Encoding> encodings) {
        return DECODED.containsAll(encodings);
    }

    /** The chunk's dictionary, or null. */
    Dictionary dictionary() {
        return dictionary;
    }

    /** Moves to the next value; false when it is null. */
    boolean next() throws IOException {
        if (position == count) {
            page();
        }
        int i = position++;
        if (nulls && definitions[i] != maxDefinition) {
            return false;
        }
        if (dictionaryPage) {
            entry = ids[valueIndex++];
            return true;
        }
        entry = -1;
        switch (type) {
            case BINARY -> {
                int n = (int) INT.get(array, cursor);
                offset = cursor + 4;
                length = n;
                cursor = offset + n;
            }
            case INT64 -> {
                whole = (long) LONG.get(array, cursor);
                cursor += 8;
            }
            case INT32 -> {
                whole = (int) INT.get(array, cursor);
                cursor += 4;
            }
            default -> throw new IllegalStateException("a " + type + " column is not read by pages");
        }
        return true;
    }

    private void page() throws IOException {
        if (left <= 0) {
            throw new IOException(where + ": column " + column + " has fewer values than its row group has rows");
        }
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IOException(where + ": column " + column + " ends before its last page");
        }
        count = page.getValueCount();
        left -= count;
        position = 0;
        if (page instanceof DataPageV1 v1) {
            byte[] b = v1.getBytes().toByteArray();
            int p = 0;
            if (maxDefinition > 0) {
                p = definitions(v1.getDlEncoding(), b, p, -1);
            } else {
                nulls = false;
            }
            values(v1.getValueEncoding(), b, p, b.length);
        } else if (page instanceof DataPageV2 v2) {
            if (maxDefinition > 0) {
                byte[] d = v2.getDefinitionLevels().toByteArray();
                definitions(Encoding.RLE, d, 0, d.length);
            } else {
                nulls = false;
            }
            byte[] b = v2.getData().toByteArray();
            values(v2.getDataEncoding(), b, 0, b.length);
        } else {
            throw new IOException(where + ": column " + column + " has a page of an unknown kind: " + page);
        }
    }

    /**
     * Decodes a page's definition levels from {@code p}; {@code end} is -1 where the levels are
     * preceded by their length (a V1 page). Returns where the values start.
     */
    private int definitions(Encoding encoding, byte[] b, int p, int end) throws IOException {
        if (definitions.length < count + 8) {
            definitions = new int[count + 8];
        }
        int width = BytesUtils.getWidthFromMaxInt(maxDefinition);
        int next;
        if (encoding == Encoding.RLE) {
            int from = p;
            if (end < 0) {
                from = p + 4;
                end = from + (int) INT.get(b, p);
            }
            hybrid(b, from, end, width, definitions, count);
            next = end;
        } else if (encoding == Encoding.BIT_PACKED) {
            // The deprecated levels' encoding: bits in big-endian order, most significant first.
            long bit = 0;
            for (int i = 0; i < count; i++) {
                int v = 0;
                for (int k = 0; k < width; k++, bit++) {
                    v = v << 1 | (b[p + (int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
                }
                definitions[i] = v;
            }
            next = p + (int) ((bit + 7) >>> 3);
        } else {
            throw new IOException(where + ": column " + column + " has definition levels encoded " + encoding);
        }
        nulls = false;
        for (int i = 0; i < count; i++) {
            if (definitions[i] != maxDefinition) {
                nulls = true;
                break;
            }
        }
        return next;
    }

    private void values(Encoding encoding, byte[] b, int p, int end) throws IOException {
        array = b;
        valueIndex = 0;
        cursor = p;
        if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
            if (dictionary == null) {
                throw new IOException(where + ": column " + column + " has dictionary ids but no dictionary");
            }
            dictionaryPage = true;
            int present = nulls ? present() : count;
            if (ids.length < present + 8) {
                ids = new int[present + 8];
            }
            if (present > 0) {
                hybrid(b, p + 1, end, b[p] & 0xFF, ids, present);
            }
        } else if (encoding == Encoding.PLAIN) {
            dictionaryPage = false;
        } else {
            throw new IOException(where + ": column " + column + " has a page encoded " + encoding);
        }
    }

    private int present() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (definitions[i] == maxDefinition) {
                n++;
            }
        }
        return n;
    }

    /**
     * Decodes {@code n} values of the run-length / bit-packed hybrid between {@code p} and {@code end}
     * into {@code out}, which has room for 8 more (a bit-packed run ends on a group of eight).
     */
    private void hybrid(byte[] b, int p, int end, int width, int[] out, int n) throws IOException {
        if (width == 0) {
            Arrays.fill(out, 0, n, 0);
            return;
        }
        BytePacker packer = Packer.LITTLE_ENDIAN.newBytePacker(width);
        int bytes = (width + 7) >>> 3;
        int i = 0;
        while (i < n) {
            if (p >= end) {
                throw new IOException(where + ": column " + column + " has a run-length run past its page");
            }
            int header = 0;
            for (int shift = 0; ; shift += 7) {
                int v = b[p++];
                header |= (v & 0x7F) << shift;
                if (v >= 0) {
                    break;
                }
            }
            if ((header & 1) == 0) {
                int run = header >>> 1;
                int v = 0;
                for (int k = 0; k < bytes; k++) {
                    v |= (b[p++] & 0xFF) << (8 * k);
                }
                int to = Math.min(n, i + run);
                Arrays.fill(out, i, to, v);
                i = to;
            } else {
                int groups = header >>> 1;
                for (int g = 0; g < groups && i < n; g++) {
                    if (p + width <= b.length) {
                        packer.unpack8Values(b, p, out, i);
                    } else {
                        // A last group cut short by its writer: unpack it from a padded copy.
                        byte[] padded = Arrays.copyOf(Arrays.copyOfRange(b, p, b.length), width);
                        packer.unpack8Values(padded, 0, out, i);
                    }
                    p += width;
                    i += 8;
                }
            }
        }
    }
}
