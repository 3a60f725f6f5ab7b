package dev.royalties.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.rules.Play;
import dev.royalties.rules.Pool;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §2: timestamps in every Parquet encoding mean UTC; columns match by name; extra ones are ignored. */
class ParquetRowReaderTest {
    static final long T = Times.parseInstant("2026-10-05T13:45:30.123456Z");

    @TempDir
    Path tmp;

    private Path write(String schema, Consumer<Group> fill) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        Path file = tmp.resolve("f" + System.nanoTime() + ".parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type).build()) {
            Group g = new SimpleGroupFactory(type).newGroup();
            fill.accept(g);
            w.write(g);
        }
        return file;
    }

    private <T> List<T> read(Path file, TableSchema schema, RowMapper<T> mapper) throws IOException {
        List<T> rows = new java.util.ArrayList<>();
        try (ParquetRowReader<T> r = new ParquetRowReader<>(new LocalInputFile(file), file.toString(), schema, mapper,
                null)) {
            for (T row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private long playedAt(String timestampField, Consumer<Group> fill) throws IOException {
        Path f = write("message plays { optional binary play_id (STRING); " + timestampField + " }", fill);
        return read(f, Tables.PLAYS, Tables.PLAY).get(0).playedAt;
    }

    @Test
    void everyTimestampEncodingReadsAsTheSameUtcInstant() throws Exception {
        long micros = playedAt("optional int64 played_at (TIMESTAMP(MICROS,true));", g -> g.add("played_at", T));
        long millisLocal = playedAt("optional int64 played_at (TIMESTAMP(MILLIS,false));",
                g -> g.add("played_at", T / 1000));
        long nanos = playedAt("optional int64 played_at (TIMESTAMP(NANOS,true));", g -> g.add("played_at", T * 1000));
        long legacyMillis = playedAt("optional int64 played_at (TIMESTAMP_MILLIS);", g -> g.add("played_at", T / 1000));
        long int96 = playedAt("optional int96 played_at;", g -> g.add("played_at", int96(T)));
        assertThat(micros).isEqualTo(T);
        assertThat(nanos).isEqualTo(T);
        assertThat(int96).isEqualTo(T);
        assertThat(millisLocal).isEqualTo(legacyMillis).isEqualTo(T - 456);
    }

    private static Binary int96(long micros) {
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long nanosOfDay = Math.floorMod(micros, 86_400_000_000L) * 1000;
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt((int) (days + 2_440_588L));
        return Binary.fromConstantByteArray(b.array());
    }

    @Test
    void columnsMatchByNameInAnyOrderExtraOnesIgnoredMissingOnesNull() throws Exception {
        Path f = write("message plays { optional binary product (STRING); optional binary extra (STRING);"
                + " optional int32 ms_played; optional binary play_id (STRING); }", g -> {
                    g.add("product", "free");
                    g.add("extra", "ignored");
                    g.add("ms_played", 31_000);
                    g.add("play_id", "P1");
                });
        Play p = read(f, Tables.PLAYS, Tables.PLAY).get(0);
        assertThat(p.playId).isEqualTo("P1");
        assertThat(p.product).isEqualTo("free");
        assertThat(p.msPlayed).isEqualTo(31_000);
        assertThat(p.userId).isNull();
        assertThat(p.playedAt).isEqualTo(Times.NULL);
    }

    @Test
    void decimalsAreRescaledExactlyWhateverTheirPhysicalType() throws Exception {
        Path f = write("message revenue_pools { optional binary period (STRING);"
                + " optional fixed_len_byte_array(9) amount (DECIMAL(20,4)); }", g -> {
                    g.add("period", "2026-10");
                    byte[] unscaled = java.math.BigInteger.valueOf(1_234_567_8900L).toByteArray();
                    byte[] fixed = new byte[9];
                    System.arraycopy(unscaled, 0, fixed, 9 - unscaled.length, unscaled.length);
                    g.add("amount", Binary.fromConstantByteArray(fixed));
                });
        Pool pool = read(f, Tables.REVENUE_POOLS, Tables.POOL).get(0);
        assertThat(pool.amountCents()).isEqualTo(123_456_789L);

        Path shares = write("message track_rights { optional binary track_id (STRING);"
                + " optional int64 share (DECIMAL(12,8)); }", g -> {
                    g.add("track_id", "T1");
                    g.add("share", 33_333_300L);
                });
        assertThat(read(shares, Tables.TRACK_RIGHTS, Tables.RIGHT).get(0).shareMicros()).isEqualTo(333_333L);
    }

    @Test
    void moreDecimalsThanTheContractAllowsIsAnErrorNotARounding() throws Exception {
        Path f = write("message track_rights { optional binary track_id (STRING);"
                + " optional int64 share (DECIMAL(12,8)); }", g -> {
                    g.add("track_id", "T1");
                    g.add("share", 33_333_333L);
                });
        assertThatThrownBy(() -> read(f, Tables.TRACK_RIGHTS, Tables.RIGHT))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("more than 6 decimals");
    }

    @Test
    void aColumnOfTheWrongTypeIsAOneLineError() throws Exception {
        Path f = write("message plays { optional binary played_at (STRING); }", g -> g.add("played_at", "today"));
        assertThatThrownBy(() -> read(f, Tables.PLAYS, Tables.PLAY))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("column played_at is BINARY (STRING), expected a timestamp");
    }

    @Test
    void writtenOutputsUseDecimalBigintAndMicrosecondTimestamps() {
        String schema = Tables.AI_VIOLATIONS.parquetType().toString() + Tables.ARTIST_PAYMENTS.parquetType();
        assertThat(schema).contains("optional int64 used_at (TIMESTAMP(MICROS,true))",
                "optional int64 units", "optional int64 amount (DECIMAL(18,2))");
    }

    @Test
    void aCoderCodesTrackIdsOncePerDictionaryEntryAndEveryPlainValue() throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(
                "message plays { optional binary play_id (STRING); optional binary track_id (STRING); }");
        String[] tracks = {"T1", "T2", "T1", "T9", "T2", "T1"};
        for (boolean dictionary : new boolean[] {true, false}) {
            Path file = tmp.resolve("coded-" + dictionary + ".parquet");
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(type)
                    .withDictionaryEncoding(dictionary).build()) {
                for (int i = 0; i < tracks.length; i++) {
                    Group g = new SimpleGroupFactory(type).newGroup();
                    g.add("play_id", "P" + i);
                    g.add("track_id", tracks[i]);
                    w.write(g);
                }
            }
            List<String> coded = new java.util.ArrayList<>();
            TextCoder coder = t -> {
                coded.add(t);
                return t.equals("T9") ? -1 : Integer.parseInt(t.substring(1)) * 10;
            };
            List<Long> codes = new java.util.ArrayList<>();
            try (ParquetRowReader<Play> r = new ParquetRowReader<>(new LocalInputFile(file), file.toString(),
                    Tables.PLAYS, row -> {
                        codes.add((long) row.code(2, -2));
                        return Tables.PLAY.map(row);
                    }, null, java.util.Map.of("track_id", coder))) {
                while (r.next() != null) {
                    // each row's code is collected by the mapper
                }
            }
            assertThat(codes).containsExactly(10L, 20L, 10L, -1L, 20L, 10L);
            assertThat(coded).hasSize(dictionary ? 3 : tracks.length);
            try (ParquetRowReader<Integer> r = new ParquetRowReader<>(new LocalInputFile(file), file.toString(),
                    Tables.PLAYS, row -> row.code(2, -2), null)) {
                assertThat(r.next()).isEqualTo(-2); // no coder, no code
            }
        }
    }
}
