package dev.royalties.jobs.sql;

import java.util.List;

/** The rows of one query, with its column names and Flink SQL types, values as Flink returns them. */
public record SqlResult(String statement, List<String> columns, List<String> types, List<List<Object>> rows) {

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return i;
    }
}
