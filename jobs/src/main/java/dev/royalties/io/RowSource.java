package dev.royalties.io;

import java.io.Closeable;
import java.io.IOException;

/** One file's rows, pulled one at a time, so that a Flink source can hand them over in batches. */
public interface RowSource<T> extends Closeable {
    /** The next row, or null at the end of the file. */
    T next() throws IOException;
}
