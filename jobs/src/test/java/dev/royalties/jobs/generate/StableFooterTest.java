package dev.royalties.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.TableFiles;
import dev.royalties.io.Tables;
import dev.royalties.rules.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.RowGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StableFooterTest {
    @TempDir
    Path dir;

    /**
     * Another JVM may list a column's encodings in another order (they come from a HashSet of
     * enums); whatever order the writer used, the sealed file has the same bytes.
     */
    @Test
    void encodingsListedInAnotherOrderSealToTheSameBytes() throws Exception {
        List<Object[]> rows = List.of(
                Tables.row(new Catalogue.Track("T000001", "QZX000000001", 200_000, "none")),
                Tables.row(new Catalogue.Track("T000002", "QZX000000002", 31_000, "full")));
        WrittenFile written = ParquetFiles.writeTable(dir, Tables.TRACKS, rows);
        Path file = dir.resolve("tracks/part-00000.parquet");
        byte[] sealed = Files.readAllBytes(file);
        assertThat(written.bytes()).isEqualTo(sealed.length);

        StableFooter.edit(file, footer -> {
            for (RowGroup g : footer.getRow_groups()) {
                for (ColumnChunk c : g.getColumns()) {
                    Collections.reverse(c.getMeta_data().getEncodings());
                    Collections.reverse(c.getMeta_data().getEncoding_stats());
                }
            }
        });
        assertThat(Files.readAllBytes(file)).isNotEqualTo(sealed);

        ParquetFiles.seal(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(sealed);
        assertThat(TableFiles.readAll(new org.apache.flink.core.fs.Path(dir.resolve("tracks").toUri()),
                Tables.TRACKS, Tables.TRACK)).extracting(Catalogue.Track::trackId).containsExactly("T000001", "T000002");
    }
}
