package dev.royalties.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.rules.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;

/** The progress total: the footers promise exactly the rows the reader then reads. */
class ParquetInputSizeTest {
    static final Path PLAYS = Path.of("src/test/resources/examples/small/input/plays").toAbsolutePath();

    @Test
    void rowsAreThoseTheReaderReadsInThePeriod() throws Exception {
        Period october = Period.parse("2026-10");
        TimeRange range = new TimeRange("played_at", october.startMicros(), october.endMicros());
        List<Path> files;
        try (Stream<Path> s = Files.walk(PLAYS)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        long read = 0;
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
            try (ParquetRowReader<Object> r = new ParquetRowReader<>(new LocalInputFile(f), f.toString(),
                    Tables.PLAYS, row -> row, range)) {
                while (r.next() != null) {
                    read++;
                }
            }
        }
        ParquetInputSize size = ParquetInputSize.of(new org.apache.flink.core.fs.Path(PLAYS.toUri()), range);
        assertThat(size.files()).isEqualTo(files.size());
        assertThat(size.bytes()).isEqualTo(bytes);
        assertThat(size.rows()).isEqualTo(read).isPositive();
    }
}
