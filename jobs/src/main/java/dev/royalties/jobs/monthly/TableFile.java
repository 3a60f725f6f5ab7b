package dev.royalties.jobs.monthly;

import java.io.IOException;
import java.io.Serializable;

/**
 * An output table that an operator writes itself, on threads of its own, as numbered part files:
 * for the recording_usage rows of the allocation, whose writing through a chained Flink sink ran on
 * the allocation's thread after the payments, two seconds of a one-core tail at 20 M plays (issue
 * 10; docs/decisions.md). A part appears under its final name only once committed; an operator that
 * fails leaves at most hidden in-progress files in the run's staging folder, which the run
 * discards.
 */
public interface TableFile<T> extends Serializable {
    /** A writer of part {@code part}; each part is one file, and parts may be written at once. */
    Writer<T> open(int part) throws IOException;

    /** Rows in the order given; {@link #close} without {@link #commit} drops what was written. */
    interface Writer<T> extends AutoCloseable {
        void write(T row) throws IOException;

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }
}
