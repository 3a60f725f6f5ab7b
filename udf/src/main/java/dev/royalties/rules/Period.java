package dev.royalties.rules;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A calendar month in UTC, written YYYY-MM; its window is [first day, first day of next month). */
public final class Period implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final long startMicros;
    private final long endMicros;

    private Period(YearMonth month) {
        this.text = month.toString();
        this.startMicros = Times.micros(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        this.endMicros = Times.micros(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public static Period parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("period must be YYYY-MM, got '" + text + "'");
        }
        try {
            return new Period(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be YYYY-MM, got '" + text + "'");
        }
    }

    /** The period n months before this one. */
    public Period minusMonths(int n) {
        return new Period(YearMonth.parse(text).minusMonths(n));
    }

    public boolean contains(long micros) {
        return within(micros) >= 0;
    }

    /**
     * Not negative exactly when the period contains {@code micros} ({@link Times#NULL} included, which
     * it never contains): the test as bits, for a reader that folds it into one test with others
     * instead of a branch of its own (the two differences overflow only for an instant so far out
     * that the other one is negative then).
     */
    public long within(long micros) {
        return (micros - startMicros) | (endMicros - 1 - micros);
    }

    public long startMicros() {
        return startMicros;
    }

    public long endMicros() {
        return endMicros;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
