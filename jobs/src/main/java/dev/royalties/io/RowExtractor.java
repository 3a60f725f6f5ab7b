package dev.royalties.io;

import java.io.Serializable;

/** Turns an output record into its column values, in the table's column order. */
@FunctionalInterface
public interface RowExtractor<T> extends Serializable {
    Object[] values(T record);
}
