package dev.royalties.io;

/** The column types of the data contract (spec §2, §9), as the engine holds them in memory. */
public enum ColumnType {
    /** UTF-8 text; held as String. */
    STRING,
    /** 32-bit integer; held as long. */
    INT,
    /** 64-bit integer; held as long. */
    BIGINT,
    /** DECIMAL(18,2): money, held as long cents. */
    MONEY,
    /** DECIMAL(9,6): a share, held as long millionths. */
    SHARE,
    /** Instant, UTC; held as long microseconds since the epoch. */
    TIMESTAMP,
    /** Held as long 0/1. */
    BOOLEAN;

    public int scale() {
        return switch (this) {
            case MONEY -> 2;
            case SHARE -> 6;
            default -> 0;
        };
    }
}
