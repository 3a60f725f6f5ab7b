package dev.royalties.jobs.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Consumer;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * parquet-mr lists a column chunk's encodings from a HashSet of enum constants, whose iteration
 * order follows identity hash codes and so changes from one JVM to the next: the same rows gave
 * different footer bytes in two runs. Sorting those lists in the footer makes a file's bytes
 * depend on its rows only. Only the footer (the file's tail) is rewritten; no offset moves.
 */
final class StableFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private StableFooter() {}

    static void rewrite(Path file) throws IOException {
        edit(file, StableFooter::sortEncodings);
    }

    /** Rewrites the footer of file after passing it through change. */
    static void edit(Path file, Consumer<FileMetaData> change) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer tail = read(ch, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
            int length = tail.getInt(0);
            for (int i = 0; i < 4; i++) {
                if (tail.get(4 + i) != MAGIC[i]) {
                    throw new IOException(file + " does not end like a Parquet file");
                }
            }
            long start = size - 8 - length;
            FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(read(ch, start, length).array()));
            change.accept(footer);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16);
            Util.writeFileMetaData(footer, out);
            ByteBuffer rewritten = ByteBuffer.allocate(out.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
            rewritten.put(out.toByteArray()).putInt(out.size()).put(MAGIC).flip();
            ch.truncate(start);
            while (rewritten.hasRemaining()) {
                ch.write(rewritten, start + rewritten.position());
            }
        }
    }

    private static void sortEncodings(FileMetaData footer) {
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData meta = chunk.getMeta_data();
                if (meta == null) {
                    continue;
                }
                if (meta.getEncodings() != null) {
                    meta.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                }
                if (meta.getEncoding_stats() != null) {
                    meta.getEncoding_stats().sort(Comparator
                            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                            .thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b;
    }
}
