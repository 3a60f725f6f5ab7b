package dev.royalties.jobs.monthly;

import dev.royalties.io.InputFormatException;
import dev.royalties.io.RowGroups;
import dev.royalties.io.RowSource;
import dev.royalties.io.ParquetRowReader;
import dev.royalties.io.Tables;
import dev.royalties.io.TimeRange;
import dev.royalties.jobs.types.CompactText;
import dev.royalties.jobs.types.PlayBytes;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.EventValidation;
import dev.royalties.rules.Nulls;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * One plays file read column by column, for the per-user shuffle. A row that is plainly valid (the
 * checks of {@link EventValidation}, made once per dictionary entry where the file has one) and in
 * the period, of a catalogue track, with ASCII ids, becomes its {@link PlayBytes} and the hashes of
 * its ids straight from the column values: no record assembly, no {@link Play}, no String. Every
 * other row becomes the Play that {@link Tables#PLAY} would read, unchecked, for
 * {@link ValidatePlays} to judge by the contract, so the contract's rules stay in one place.
 * Reading a play as an object, then its strings again to check, hash and write them, was half of
 * the reading stage's CPU (async-profiler, issue 10).
 *
 * <p>Each column is decoded a page at a time by {@link PageColumn}. Only files with the contract's
 * plain column types, in the encodings that {@link PageColumn} reads, are read this way ({@link
 * #open} returns null for any other file, which the caller reads with {@link ParquetRowReader}).
 */
final class PlayColumns implements RowSource<UserPlayRecord> {
    private static final int PLAY_ID = 0;
    private static final int USER_ID = 1;
    private static final int TRACK_ID = 2;
    private static final int PLAYED_AT = 3;
    private static final int MS_PLAYED = 4;
    private static final int COUNTRY = 5;
    private static final int PRODUCT = 6;
    private static final int ORIGIN = 7;

    private final ParquetFileReader reader;
    private final String where;
    private final Catalogue catalogue;
    private final Period period;
    private final ColumnDescriptor[] descriptors;
    /** Each field's column in the order of {@link #all}; a column absent from the file stays null. */
    private final int[] fieldOf;
    private final RowGroups groups;
    private final Ids playId = new Ids(false);
    private final Ids userId = new Ids(true);
    private final Coded trackId;
    private final Whole playedAt = new Whole(false);
    private final Whole msPlayed = new Whole(true);
    private final Coded country = Coded.byText(s -> Vocabulary.isCountry(s) ? CompactText.numberOf(s) : -1);
    private final Coded product = Coded.byText(s -> EventValidation.validProduct(s) ? CompactText.numberOf(s) : -1);
    private final Coded origin = Coded.byText(s -> Vocabulary.isOrigin(s) ? CompactText.numberOf(s) : -1);
    private final Value[] all;
    /** The row group's columns by field; origin's is null in a file without the column. */
    private final PageColumn[] columns = new PageColumn[8];
    private long left;

    private PlayColumns(ParquetFileReader reader, String where, Catalogue catalogue, Period period,
                        List<Type> fields, List<Integer> fieldIndexes, PrimitiveType rangeType, TimeRange range) {
        this.reader = reader;
        this.where = where;
        this.catalogue = catalogue;
        this.period = period;
        this.trackId = new Coded(catalogue::indexOf);
        this.all = new Value[] {playId, userId, trackId, playedAt, msPlayed, country, product, origin};
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        MessageType requested = new MessageType(fileSchema.getName(), fields);
        this.descriptors = requested.getColumns().toArray(new ColumnDescriptor[0]);
        this.fieldOf = fieldIndexes.stream().mapToInt(Integer::intValue).toArray();
        reader.setRequestedSchema(requested);
        this.groups = new RowGroups(reader, where, rangeType, range);
    }

    /**
     * The file read column by column, or null when a column is missing or not of the contract's
     * plain type (then the caller reads it row by row, which accepts every encoding the contract
     * does and reports what it does not). The reader is closed when null is returned.
     */
    static PlayColumns open(ParquetFileReader reader, String where, Catalogue catalogue, Period period,
                            TimeRange range) throws IOException {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        List<Type> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        PrimitiveType rangeType = null;
        for (int i = 0; i < Tables.PLAYS.size(); i++) {
            String name = Tables.PLAYS.columns().get(i).name();
            Type field = ParquetRowReader.find(schema, name);
            if (field == null && i == ORIGIN) {
                continue; // a file from before the column: every origin is null
            }
            if (field == null || !plain(i, field) || !decoded(reader, name)) {
                reader.close();
                return null;
            }
            fields.add(field);
            columns.add(i);
            if (name.equals(range.column())) {
                rangeType = field.asPrimitiveType();
            }
        }
        return new PlayColumns(reader, where, catalogue, period, fields, columns, rangeType, range);
    }

    /** Whether every row group has the column in encodings that {@link PageColumn} reads. */
    private static boolean decoded(ParquetFileReader reader, String name) {
        for (BlockMetaData block : reader.getRowGroups()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (chunk.getPath().size() == 1 && chunk.getPath().toArray()[0].equals(name)
                        && !PageColumn.reads(chunk.getEncodings())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean plain(int column, Type field) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            return false;
        }
        PrimitiveType t = field.asPrimitiveType();
        LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
        return switch (column) {
            case PLAYED_AT -> t.getPrimitiveTypeName() == PrimitiveTypeName.INT64
                    && logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS;
            case MS_PLAYED -> t.getPrimitiveTypeName() == PrimitiveTypeName.INT32 && (logical == null
                    || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned());
            default -> t.getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                    && (logical == null || logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation);
        };
    }

    /** The next row, or null at the end of the file. */
    @Override
    public UserPlayRecord next() {
        while (left == 0) {
            try {
                PageReadStore pages = groups.next();
                if (pages == null) {
                    return null;
                }
                open(pages);
            } catch (IOException | RuntimeException e) {
                throw groups.damaged(e);
            }
        }
        left--;
        try {
            text(columns[PLAY_ID], playId);
            text(columns[USER_ID], userId);
            text(columns[TRACK_ID], trackId);
            whole(columns[PLAYED_AT], playedAt);
            whole(columns[MS_PLAYED], msPlayed);
            text(columns[COUNTRY], country);
            text(columns[PRODUCT], product);
            if (columns[ORIGIN] != null) {
                text(columns[ORIGIN], origin);
            }
            return row();
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(where + ": cannot read a row: " + e.getMessage(), e);
        }
    }

    private static void text(PageColumn c, Text t) throws IOException {
        if (!c.next()) {
            t.setNull();
        } else if (c.entry >= 0) {
            t.addEntry(c.entry);
        } else {
            t.addBytes(c.array, c.offset, c.length);
        }
    }

    private static void whole(PageColumn c, Whole w) throws IOException {
        if (!c.next()) {
            w.setNull();
        } else {
            w.add(c.entry >= 0 ? w.entries[c.entry] : c.whole);
        }
    }

    private UserPlayRecord row() {
        int originCode = origin.present ? origin.code : CompactText.CODE_NULL;
        if (fastPath(originCode)) {
            byte[] bytes = PlayBytes.fromValues(playId.array, playId.offset, playId.length, userId.array,
                    userId.offset, userId.length, trackId.code, playedAt.value, (int) msPlayed.value, country.code,
                    product.code, originCode);
            return UserPlayRecord.written(userId.hash(), playId.hash(), bytes);
        }
        return UserPlayRecord.unchecked(asPlay());
    }

    /**
     * The row as a {@link Play}, for the checks that the fast path leaves to the contract. A method
     * of its own, seldom called, so that C2 does not compile its tests of nulls into the reader's
     * loop, where the first null met after compiling had it compile the loop again (JFR, issue 10).
     */
    private Play asPlay() {
        Play p = new Play(playId.string(), userId.string(), trackId.string(),
                playedAt.present ? playedAt.value : Times.NULL, msPlayed.present ? (int) msPlayed.value : Nulls.INT,
                country.string(), product.string(), origin.string());
        p.trackIndex = trackId.present ? trackId.code : -1;
        return p;
    }

    /**
     * Whether the row takes the fast path: every value present, ids short and ASCII, the track and
     * codes known, played in the period, ms_played not negative. One test of bits instead of a
     * chain of conditions: C2 turned each condition that no row had failed yet into a trap, and the
     * first row to fail it (a defect, a late play) made it compile the reader again; eight times in
     * a 20 M month, 0.66 s of the compiler's time (JFR, issue 10).
     */
    private boolean fastPath(int originCode) {
        boolean present = playId.present & userId.present & trackId.present & playedAt.present & msPlayed.present
                & country.present & product.present;
        // Each part is negative when its condition fails.
        long failures = trackId.code | country.code | product.code | originCode | msPlayed.value
                | period.within(playedAt.value) | playId.shape() | userId.shape();
        return present & failures >= 0;
    }

    /** Readies a row group's columns; each column's dictionary, if any, is read here. */
    private void open(PageReadStore pages) throws IOException {
        for (int i = 0; i < descriptors.length; i++) {
            PageColumn c = new PageColumn(pages.getPageReader(descriptors[i]), descriptors[i], where);
            columns[fieldOf[i]] = c;
            Value v = all[fieldOf[i]];
            if (c.dictionary() != null) {
                v.setDictionary(c.dictionary());
            } else {
                v.forgetDictionary();
            }
        }
        left = pages.getRowCount();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A column's value in the current row; a column absent from the file stays null. */
    private abstract static class Value {
        boolean present;

        void setNull() {
            present = false;
        }

        /** Works out what the fast path needs of each entry of the row group's dictionary. */
        abstract void setDictionary(Dictionary d);

        abstract void forgetDictionary();
    }

    /**
     * A text column's value: an entry of the row group's dictionary, or a value in the page. Kept
     * as it is; decoded to a String only for a row off the fast path ({@link #string}).
     */
    private abstract static class Text extends Value {
        private Dictionary dictionary;
        /** The dictionary entry of the current value; -1 for a value in the page. */
        int entry;
        byte[] array;
        int offset;
        int length;

        abstract void onDictionary(Dictionary d);

        abstract void onEntry(int id);

        abstract void onBytes();

        @Override
        final void setDictionary(Dictionary d) {
            dictionary = d;
            onDictionary(d);
        }

        @Override
        void forgetDictionary() {
            dictionary = null;
        }

        final void addEntry(int id) {
            present = true;
            entry = id;
            onEntry(id);
        }

        final void addBytes(byte[] a, int off, int len) {
            present = true;
            entry = -1;
            array = a;
            offset = off;
            length = len;
            onBytes();
        }

        final String string() {
            if (!present) {
                return null;
            }
            return entry >= 0 ? dictionary.decodeToBinary(entry).toStringUsingUTF8()
                    : new String(array, offset, length, StandardCharsets.UTF_8);
        }
    }

    /** play_id or user_id: the value's bytes, where they already are (a dictionary entry or the page). */
    private static final class Ids extends Text {
        /** user_id: many rows share an entry, so its hash and checks are worked out once per entry. */
        private final boolean perEntry;
        private byte[][] entries;
        private long[] entryHash;
        private int[] entryShape;

        Ids(boolean perEntry) {
            this.perEntry = perEntry;
        }

        @Override
        void onDictionary(Dictionary d) {
            entries = new byte[d.getMaxId() + 1][];
            entryHash = perEntry ? new long[entries.length] : null;
            entryShape = perEntry ? new int[entries.length] : null;
            for (int i = 0; i < entries.length; i++) {
                entries[i] = d.decodeToBinary(i).getBytes();
                if (perEntry) {
                    entryShape[i] = shape(entries[i], 0, entries[i].length);
                    entryHash[i] = ShuffleKeys.hash(entries[i], 0, entries[i].length);
                }
            }
        }

        @Override
        void forgetDictionary() {
            super.forgetDictionary();
            entries = null;
        }

        @Override
        void onEntry(int id) {
            array = entries[id];
            offset = 0;
            length = array.length;
        }

        @Override
        void onBytes() {}

        /**
         * Negative unless the value (present or not: the caller checks) is not empty, ASCII and
         * short: the fast path's shape (its Latin-1 bytes are these).
         */
        int shape() {
            if (perEntry && entry >= 0) {
                return entryShape[entry];
            }
            return array == null ? -1 : shape(array, offset, length);
        }

        private static int shape(byte[] b, int off, int len) {
            int any = 0;
            for (int i = off; i < off + len; i++) {
                any |= b[i]; // negative once a byte is not ASCII
            }
            return any | (len - 1) | (CompactText.SHORT - 1 - len);
        }

        long hash() {
            return perEntry && entry >= 0 ? entryHash[entry] : ShuffleKeys.hash(array, offset, length);
        }
    }

    /** A text's number from its UTF-8 bytes. */
    @FunctionalInterface
    interface Numbering {
        int number(byte[] b, int off, int len);
    }

    /**
     * A text column known through a number: the track's catalogue index, a code's number ({@link
     * CompactText#numberOf}); -1 when the value does not take the fast path. Worked out once per
     * dictionary entry.
     */
    private static final class Coded extends Text {
        private final Numbering numbering;
        private int[] codes;
        int code;

        Coded(Numbering numbering) {
            this.numbering = numbering;
        }

        static Coded byText(ToIntFunction<String> numbering) {
            return new Coded((b, off, len) -> numbering.applyAsInt(new String(b, off, len, StandardCharsets.UTF_8)));
        }

        @Override
        void onDictionary(Dictionary d) {
            codes = new int[d.getMaxId() + 1];
            for (int i = 0; i < codes.length; i++) {
                byte[] b = d.decodeToBinary(i).getBytes();
                codes[i] = numbering.number(b, 0, b.length);
            }
        }

        @Override
        void forgetDictionary() {
            super.forgetDictionary();
            codes = null;
        }

        @Override
        void onEntry(int id) {
            code = codes[id];
        }

        @Override
        void onBytes() {
            code = numbering.number(array, offset, length);
        }
    }

    /** played_at (microseconds) or ms_played. */
    private static final class Whole extends Value {
        private final boolean int32;
        /** The dictionary's values, by entry. */
        long[] entries;
        long value;

        Whole(boolean int32) {
            this.int32 = int32;
        }

        void add(long v) {
            present = true;
            value = v;
        }

        @Override
        void setDictionary(Dictionary d) {
            entries = new long[d.getMaxId() + 1];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = int32 ? d.decodeToInt(i) : d.decodeToLong(i);
            }
        }

        @Override
        void forgetDictionary() {
            entries = null;
        }
    }
}
