package dev.royalties.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Instants are carried as microseconds since the epoch, UTC, in a primitive long: the hot path
 * never boxes them. {@link #NULL} stands for a missing timestamp.
 */
public final class Times {
    public static final long NULL = Long.MIN_VALUE;
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final DateTimeFormatter SQL_STYLE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();

    private Times() {}

    /** The UTC day of a timestamp, as days since 1970-01-01 (what dt= folders and live accruals key on). */
    public static int utcDay(long micros) {
        return (int) Math.floorDiv(micros, MICROS_PER_DAY);
    }

    public static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** ISO-8601 with a Z, the way the quarantine and the manifest print instants. */
    public static String iso(long micros) {
        return micros == NULL ? null : instant(micros).toString();
    }

    /** "2026-10-25 13:59:50.690112": the way SQL engines print a TIMESTAMP; trailing zeros dropped. */
    public static String sql(long micros) {
        return micros == NULL ? null : LocalDateTime.ofInstant(instant(micros), ZoneOffset.UTC).format(SQL_STYLE);
    }

    public static long parseInstant(String text) {
        return micros(Instant.parse(text));
    }
}
