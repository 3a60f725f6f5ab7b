package dev.royalties.jobs.monthly;

import static dev.royalties.testing.InputFolder.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.testing.Flink;
import dev.royalties.testing.InputFolder;
import dev.royalties.testing.OutputCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §3: input files that break the contract's shape. Each stops the run with one line that
 * names the file (and the column, where there is one), exit 1 and nothing written; or is skipped by
 * the documented rule (names starting with _ or .). The driver checks every file's footer before
 * the job starts; what only shows in the data (a damaged page) fails inside the job, also as one line.
 */
class BadInputFilesTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = Flink.miniCluster();

    private static final String PLAYS_WITH = "message plays { optional binary play_id (STRING);"
            + " optional binary user_id (STRING); optional binary track_id (STRING);"
            + " optional int64 played_at (TIMESTAMP(MICROS,true)); %s optional binary product (STRING); }";
    private static final long OCT_10 = at("2026-10-10T12:00:00Z");

    @TempDir
    Path tmp;

    InputFolder in;
    Path out;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeAMinimalMonth() throws Exception {
        in = InputFolder.minimalMonth(tmp.resolve("in")).write(Tables.PLAYS, "plays/dt=2026-10-10/good.parquet",
                List.<Object[]>of(new Object[] {"P1", "U1", "T1", OCT_10, 200_000, "FR", "premium"}));
        out = tmp.resolve("out");
    }

    private int month() {
        return Royalties.execute(new String[] {"monthly", "--period", "2026-10", "--input", in.root().toString(),
            "--output", out.toString(), "--as-of", "2026-11-05T00:00:00Z", "--parallelism", "2"},
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    /** Exit 1, one line starting "royalties: " with every fragment, and no output folder at all. */
    private void assertRefusedBeforeTheJob(String... fragments) {
        assertThat(month()).as(error()).isEqualTo(1);
        assertThat(error()).doesNotContain("\n").startsWith("royalties: ").contains(fragments)
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    private void assertPaidAsUsual() throws Exception {
        assertThat(month()).as(error()).isZero();
        assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1))
                .containsExactly("A1,catalogue,FR,premium,,1,60.00,EUR", "A2,catalogue,FR,premium,,1,40.00,EUR");
    }

    private Path file(String relative) throws IOException {
        Path p = in.root().resolve(relative);
        Files.createDirectories(p.getParent());
        return p;
    }

    /** A Parquet file with any schema (the contract's writer only writes the contract's types). */
    private Path parquet(String relative, String schema, List<Object[]> rows) throws IOException {
        Path p = file(relative);
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(p)).withType(type)
                .withConf(new Configuration(false)).build()) {
            for (Object[] r : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < r.length; i++) {
                    String name = type.getFieldName(i);
                    if (r[i] instanceof String s) {
                        g.add(name, s);
                    } else if (r[i] instanceof Integer n) {
                        g.add(name, n);
                    } else if (r[i] instanceof Long n) {
                        g.add(name, n);
                    } else if (r[i] instanceof Double d) {
                        g.add(name, d);
                    }
                }
                w.write(g);
            }
        }
        return p;
    }

    @Test
    void aTruncatedParquetFileIsNamed() throws Exception {
        Path whole = in.root().resolve("plays/dt=2026-10-10/good.parquet");
        Path cut = file("plays/dt=2026-10-11/cut.parquet");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefusedBeforeTheJob(cut + " is not a readable Parquet file");
    }

    @Test
    void aFileWhoseDataPagesAreDamagedFailsInsideTheJobAsOneLineNamingItAndLeavesNoRevision() throws Exception {
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(new Object[] {"Q" + i, "U" + i, "T1", OCT_10, 200_000, "FR", "premium"});
        }
        in.write(Tables.PLAYS, "plays/dt=2026-10-12/damaged.parquet", many);
        Path damaged = in.root().resolve("plays/dt=2026-10-12/damaged.parquet");
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(4); // just after the leading magic number: the first page header and data; the footer is intact
            byte[] junk = new byte[400];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.write(junk);
        }
        assertThat(month()).as(error()).isEqualTo(1);
        // Read inside the job, where Flink names the file with its scheme.
        assertThat(error()).doesNotContain("\n").startsWith("royalties: file:" + damaged
                + " is damaged: cannot read row group 1 of 1: ");
        try (Stream<Path> files = Files.walk(out)) {
            // Only the lock's release marker (a hidden file) remains: no revision, manifest or staging.
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()))
                    .allMatch(p -> p.matches("_runs/period=2026-10/_lock\\.\\d+"));
        }
        assertThat(out.resolve("_staging")).doesNotExist();
    }

    @Test
    void hiddenAndMarkerFilesAreSkipped() throws Exception {
        Files.writeString(file("plays/_SUCCESS"), "");
        Files.writeString(file("plays/dt=2026-10-10/.good.parquet.crc"), "crc bytes");
        Files.writeString(file("plays/_temporary/0/part-0.parquet"), "a write in progress");
        Files.writeString(file("tracks/.DS_Store"), "junk");
        assertPaidAsUsual();
    }

    @Test
    void aVisibleFileThatIsNotParquetIsNamed() throws Exception {
        Path csv = file("plays/dt=2026-10-10/data.csv");
        Files.writeString(csv, "play_id,user_id\nP9,U9\n");
        assertRefusedBeforeTheJob(csv + " is not a readable Parquet file");
    }

    @Test
    void msPlayedAsAStringIsNamedWithItsColumn() throws Exception {
        Path p = parquet("plays/dt=2026-10-11/text.parquet", PLAYS_WITH.formatted(
                "optional binary ms_played (STRING); optional binary country (STRING);"),
                List.<Object[]>of(new Object[] {"P2", "U1", "T1", OCT_10, "200000", "FR", "premium"}));
        assertRefusedBeforeTheJob(p + ": column ms_played is BINARY (STRING), expected an integer");
    }

    @Test
    void msPlayedAsBigintIsAcceptedAndSaturates() throws Exception {
        parquet("plays/dt=2026-10-11/wide.parquet", PLAYS_WITH.formatted(
                "optional int64 ms_played; optional binary country (STRING);"),
                List.<Object[]>of(new Object[] {"P2", "U2", "T1", OCT_10, 5_000_000_000L, "FR", "premium"}));
        assertThat(month()).as(error()).isZero();
        assertThat(OutputCsv.read(out, Tables.ARTIST_PAYMENTS, "2026-10", 1))
                .containsExactly("A1,catalogue,FR,premium,,2,60.00,EUR", "A2,catalogue,FR,premium,,2,40.00,EUR");
    }

    @Test
    void aShareAsDoubleIsNamedWithItsColumn() throws Exception {
        Files.delete(in.root().resolve("track_rights/part-1.parquet"));
        Path p = parquet("track_rights/part-9.parquet", "message track_rights { optional binary track_id (STRING);"
                + " optional binary artist_id (STRING); optional double share; }", List.of(
                new Object[] {"T1", "A1", 0.6}, new Object[] {"T1", "A2", 0.4}, new Object[] {"T2", "A3", 1.0}));
        assertRefusedBeforeTheJob(p + ": column share is DOUBLE, expected a DECIMAL with scale 6");
    }

    @Test
    void anAmountWithAnotherScaleIsRescaledExactlyOrRefusedNamingTheColumn() throws Exception {
        Files.delete(in.root().resolve("revenue_pools/part-2.parquet"));
        String pools = "message revenue_pools { optional binary period (STRING); optional binary country (STRING);"
                + " optional binary product (STRING); optional int64 amount (DECIMAL(18,%d));"
                + " optional binary currency (STRING); }";
        Path p = parquet("revenue_pools/part-9.parquet", pools.formatted(4),
                List.<Object[]>of(new Object[] {"2026-10", "FR", "premium", 1_000_000L, "EUR"})); // 100.0000
        assertPaidAsUsual();

        Files.delete(p);
        err.reset();
        out = tmp.resolve("out-2");
        Path tooPrecise = parquet("revenue_pools/part-10.parquet", pools.formatted(3),
                List.<Object[]>of(new Object[] {"2026-10", "FR", "premium", 100_005L, "EUR"})); // 100.005
        assertRefusedBeforeTheJob(tooPrecise + ": column amount has a value with more than 2 decimals: 100.005");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path p = parquet("plays/dt=2026-10-11/no-country.parquet", PLAYS_WITH.formatted("optional int32 ms_played;"),
                List.<Object[]>of(new Object[] {"P2", "U1", "T1", OCT_10, 200_000, "premium"}));
        assertRefusedBeforeTheJob(p + ": column country is missing (table plays needs play_id, user_id, track_id,"
                + " played_at, ms_played, country, product)");
    }

    @Test
    void aZeroRowFileReadsAsNothingButAZeroByteFileIsNamed() throws Exception {
        in.write(Tables.PLAYS, "plays/dt=2026-10-11/no-rows.parquet", List.of());
        in.write(Tables.AI_USAGE, "ai_usage/no-rows.parquet", List.of());
        assertPaidAsUsual();

        err.reset();
        out = tmp.resolve("out-2");
        Path empty = file("plays/dt=2026-10-12/part-0.parquet");
        Files.createFile(empty);
        assertRefusedBeforeTheJob(empty + " is empty (0 bytes), not a Parquet file");
    }

    @Test
    void anEmptyRequiredTableFolderIsAMissingTableButAnEmptyOptionalOneReadsAsEmpty() throws Exception {
        Files.createDirectories(in.root().resolve("ai_usage/dt=2026-10-01"));
        Files.createDirectories(in.root().resolve("fraud_verdicts"));
        assertPaidAsUsual();

        err.reset();
        out = tmp.resolve("out-2");
        Files.delete(in.root().resolve("plays/dt=2026-10-10/good.parquet"));
        Files.writeString(file("plays/_SUCCESS"), "");
        assertThat(month()).isEqualTo(2);
        assertThat(error()).isEqualTo("royalties: monthly: required input table 'plays' has no Parquet file (folder "
                + in.root().resolve("plays") + " is empty or holds only hidden and marker files)");
        assertThat(out).doesNotExist();
    }
}
