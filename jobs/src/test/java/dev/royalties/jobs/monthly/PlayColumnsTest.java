package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.ParquetRowReader;
import dev.royalties.io.ParquetRows;
import dev.royalties.io.Tables;
import dev.royalties.io.TimeRange;
import dev.royalties.jobs.types.PlayBytes;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.EventContract;
import dev.royalties.rules.Period;
import dev.royalties.rules.Play;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar reader of plays against the row reader it stands in for: a row it writes as bytes
 * has the bytes and hashes the row reader's play would have got, and is exactly a row the contract
 * admits; every other row is the row reader's play, field for field.
 */
class PlayColumnsTest {
    private static final Period PERIOD = Period.parse("2026-10");
    private static final TimeRange RANGE = new TimeRange("played_at", PERIOD.startMicros(), PERIOD.endMicros());
    private static final long OCT = PERIOD.startMicros() + 3_600_000_000L;
    private static final Catalogue CATALOGUE = new Catalogue(
            List.of(new Catalogue.Track("T1", "ISRC1", 200_000, "none"), new Catalogue.Track("T2", null, null, "none")),
            List.of(new Catalogue.Right("T1", "A1", 1_000_000L), new Catalogue.Right("T2", "A2", 1_000_000L)));

    @TempDir
    Path dir;

    private static Object[] row(String play, String user, String track, Long at, Integer ms, String country,
                                String product, String origin) {
        return new Object[] {play, user, track, at, ms, country, product, origin};
    }

    /** Valid rows of both tracks, beside a row for each way a row leaves the fast path. */
    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("P" + i, "U" + (i % 7), i % 2 == 0 ? "T1" : "T2", OCT + i, 31_000 + i, "DE",
                    i % 3 == 0 ? "free" : "premium", i % 4 == 0 ? null : i % 4 == 1 ? "search" : "radio"));
        }
        rows.add(row(null, "U1", "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("", "U1", "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-user-null", null, "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-user-empty", "", "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-track-null", "U1", null, OCT, 40_000, "DE", "free", null));
        rows.add(row("P-unmatched", "U1", "T-unknown", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-at-null", "U1", "T1", null, 40_000, "DE", "free", null));
        rows.add(row("P-before", "U1", "T1", PERIOD.startMicros() - 1, 40_000, "DE", "free", null));
        rows.add(row("P-after", "U1", "T1", PERIOD.endMicros(), 40_000, "DE", "free", null));
        rows.add(row("P-ms-null", "U1", "T1", OCT, null, "DE", "free", null));
        rows.add(row("P-ms-negative", "U1", "T1", OCT, -1, "DE", "free", null));
        rows.add(row("P-ms-zero", "U1", "T1", OCT, 0, "DE", "free", null));
        rows.add(row("P-country", "U1", "T1", OCT, 40_000, "de", "free", null));
        rows.add(row("P-country-null", "U1", "T1", OCT, 40_000, null, "free", null));
        rows.add(row("P-product", "U1", "T1", OCT, 40_000, "DE", "gold", null));
        rows.add(row("P-origin", "U1", "T1", OCT, 40_000, "DE", "free", "billboard"));
        rows.add(row("P-é", "U1", "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-user-é", "Ü1", "T1", OCT, 40_000, "DE", "free", null));
        rows.add(row("P-long", "U" + "x".repeat(120), "T1", OCT, 40_000, "DE", "free", null));
        return rows;
    }

    private Path write(String name, Set<String> noDictionary) throws Exception {
        Path file = dir.resolve(name);
        try (ParquetWriter<Object[]> w = ParquetRows.writer(new LocalOutputFile(file), Tables.PLAYS, r -> r,
                noDictionary)) {
            for (Object[] r : rows()) {
                w.write(r);
            }
        }
        return file;
    }

    private static List<Play> byRows(Path file) throws Exception {
        List<Play> plays = new ArrayList<>();
        try (ParquetRowReader<Play> r = new ParquetRowReader<>(new LocalInputFile(file), file.toString(),
                Tables.PLAYS, TrackIndexedPlays.mapper(Tables.PLAY), RANGE, TrackIndexedPlays.coders(CATALOGUE))) {
            for (Play p = r.next(); p != null; p = r.next()) {
                plays.add(p);
            }
        }
        return plays;
    }

    private static List<UserPlayRecord> byColumns(Path file) throws Exception {
        List<UserPlayRecord> records = new ArrayList<>();
        try (PlayColumns c = PlayColumns.open(ParquetRowReader.open(new LocalInputFile(file), file.toString()),
                file.toString(), CATALOGUE, PERIOD, RANGE)) {
            assertThat(c).isNotNull();
            for (UserPlayRecord r = c.next(); r != null; r = c.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static byte[] bytesOf(Play p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        new PlayBytes.Writer().write(p, out);
        byte[] all = out.getCopyOfBuffer();
        return java.util.Arrays.copyOfRange(all, 1, all.length); // less the one-byte length
    }

    private void readsAsTheRowReader(Path file) throws Exception {
        readsAsTheRowReader(file, 1);
    }

    private void readsAsTheRowReader(Path file, int copies) throws Exception {
        List<Play> expected = byRows(file);
        List<UserPlayRecord> actual = byColumns(file);
        assertThat(actual).hasSameSizeAs(expected);
        int fast = 0;
        for (int i = 0; i < expected.size(); i++) {
            Play want = expected.get(i);
            UserPlayRecord got = actual.get(i);
            boolean admitted = EventContract.PLAYS.problem(want) == null && PERIOD.contains(want.playedAt);
            if (got.play == null) {
                fast++;
                assertThat(admitted).as(want.playId).isTrue();
                assertThat(got.bytes).as(want.playId).isEqualTo(bytesOf(want));
                assertThat(got.userHash).isEqualTo(ShuffleKeys.hash(want.userId));
                assertThat(got.playHash).isEqualTo(ShuffleKeys.hash(want.playId));
            } else {
                assertThat(got.play.toJson()).isEqualTo(want.toJson());
                assertThat(got.play.trackIndex).isEqualTo(want.trackIndex);
                boolean plain = want.playId != null && want.playId.chars().allMatch(ch -> ch < 128)
                        && want.userId != null && want.userId.length() < 100
                        && want.userId.chars().allMatch(ch -> ch < 128) && want.trackIndex >= 0;
                assertThat(admitted && plain).as("a plain valid row left the fast path: " + want).isFalse();
            }
        }
        assertThat(fast).isEqualTo((50 + 1) * copies); // the valid rows, and the one with ms_played 0
    }

    /**
     * rows() over and over as a file written by {@code builder}; each copy's play_ids and user_ids its
     * own where {@code newIds} (nulls and empty ids stay as they are).
     */
    private Path write(String name, int copies, boolean newIds,
                       java.util.function.UnaryOperator<ParquetWriter.Builder<Object[], ?>> builder) throws Exception {
        Path file = dir.resolve(name);
        try (ParquetWriter<Object[]> w = builder.apply(ParquetRows.builder(new LocalOutputFile(file), Tables.PLAYS,
                r -> r)).build()) {
            for (int c = 0; c < copies; c++) {
                for (Object[] r : rows()) {
                    Object[] copy = r.clone();
                    for (int id = 0; id < 2 && newIds && c > 0; id++) {
                        if (copy[id] != null && !"".equals(copy[id])) {
                            copy[id] = copy[id] + "-" + c;
                        }
                    }
                    w.write(copy);
                }
            }
        }
        return file;
    }

    /** Each data page's value encoding, in order, of one column of the file's first row group. */
    private static List<String> pageEncodings(Path file, String column) throws Exception {
        List<String> encodings = new ArrayList<>();
        try (org.apache.parquet.hadoop.ParquetFileReader r = ParquetRowReader.open(new LocalInputFile(file),
                file.toString())) {
            org.apache.parquet.column.ColumnDescriptor d = r.getFooter().getFileMetaData().getSchema().getColumns()
                    .stream().filter(c -> c.getPath()[0].equals(column)).findFirst().orElseThrow();
            org.apache.parquet.column.page.PageReader pages = r.readNextRowGroup().getPageReader(d);
            for (org.apache.parquet.column.page.DataPage p = pages.readPage(); p != null; p = pages.readPage()) {
                encodings.add(p instanceof org.apache.parquet.column.page.DataPageV1 v1
                        ? "v1 " + v1.getValueEncoding()
                        : "v2 " + ((org.apache.parquet.column.page.DataPageV2) p).getDataEncoding());
            }
        }
        return encodings;
    }

    @Test
    void manyPagesAndADictionaryThatFillsUpMidChunkReadAsTheRowReaderReadsThem() throws Exception {
        // Pages of 50 rows, and dictionaries of 300 bytes: each copy brings new users, and user_id's
        // dictionary fills up after a few.
        Path file = write("pages.parquet", 40, true, b -> b.withPageRowCountLimit(50).withDictionaryPageSize(300));
        List<String> users = pageEncodings(file, "user_id");
        assertThat(users.size()).isGreaterThan(40);
        assertThat(users).contains("v1 PLAIN_DICTIONARY", "v1 PLAIN");
        assertThat(pageEncodings(file, "country")).containsOnly("v1 PLAIN_DICTIONARY");
        readsAsTheRowReader(file, 40);
    }

    @Test
    void version2PagesReadAsTheRowReaderReadsThem() throws Exception {
        // The same ids in every copy, so that every column keeps its dictionary: parquet-mr writes a
        // version 2 column without one in delta encodings.
        Path file = write("v2.parquet", 40, false, b -> b.withPageRowCountLimit(13)
                .withWriterVersion(org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_2_0));
        assertThat(pageEncodings(file, "track_id")).contains("v2 RLE_DICTIONARY");
        readsAsTheRowReader(file, 40);
    }

    @Test
    void aFileWithDeltaEncodingsIsLeftToTheRowReader() throws Exception {
        Path file = write("delta.parquet", 1, false, b -> b.withDictionaryEncoding(false)
                .withWriterVersion(org.apache.parquet.column.ParquetProperties.WriterVersion.PARQUET_2_0));
        assertThat(pageEncodings(file, "play_id")).containsOnly("v2 DELTA_BYTE_ARRAY");
        assertThat(PlayColumns.open(ParquetRowReader.open(new LocalInputFile(file), file.toString()),
                file.toString(), CATALOGUE, PERIOD, RANGE)).isNull();
    }

    @Test
    void dictionaryEncodedIdsReadAsTheRowReaderReadsThem() throws Exception {
        readsAsTheRowReader(write("dictionary.parquet", Set.of("play_id")));
    }

    @Test
    void plainEncodedIdsReadAsTheRowReaderReadsThem() throws Exception {
        readsAsTheRowReader(write("plain.parquet", Set.of("play_id", "user_id", "track_id", "country", "product",
                "origin", "played_at", "ms_played")));
    }

    @Test
    void aFileWithAnotherTimestampEncodingIsLeftToTheRowReader() throws Exception {
        Path file = dir.resolve("millis.parquet");
        org.apache.parquet.schema.MessageType type = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                "message plays { optional binary play_id (STRING); optional binary user_id (STRING);"
                        + " optional binary track_id (STRING); optional int64 played_at (TIMESTAMP(MILLIS,true));"
                        + " optional int32 ms_played; optional binary country (STRING);"
                        + " optional binary product (STRING); }");
        try (ParquetWriter<org.apache.parquet.example.data.Group> w =
                     org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new LocalOutputFile(file))
                             .withType(type).build()) {
            w.write(new org.apache.parquet.example.data.simple.SimpleGroupFactory(type).newGroup()
                    .append("play_id", "P1").append("user_id", "U1").append("track_id", "T1")
                    .append("played_at", OCT / 1000).append("ms_played", 40_000).append("country", "DE")
                    .append("product", "free"));
        }
        assertThat(PlayColumns.open(ParquetRowReader.open(new LocalInputFile(file), file.toString()),
                file.toString(), CATALOGUE, PERIOD, RANGE)).isNull();
    }
}
