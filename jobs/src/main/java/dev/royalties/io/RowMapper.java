package dev.royalties.io;

import java.io.Serializable;

/** Builds the engine's object for one row read from a table. */
@FunctionalInterface
public interface RowMapper<T> extends Serializable {
    T map(RowBuffer row);
}
