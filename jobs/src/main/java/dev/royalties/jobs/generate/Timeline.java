package dev.royalties.jobs.generate;

import dev.royalties.rules.Period;
import java.time.YearMonth;

/**
 * The instants a generated month is built around, all relative to the period (never the wall
 * clock). Facts are decided or recorded on both sides of {@link #firstRunAsOf()}, so that a
 * backfill at {@link #backfillAsOf()} changes the results.
 */
record Timeline(Period period, long start, long end) {
    static final long HOUR = DiurnalCurve.HOUR;
    static final long DAY = DiurnalCurve.DAY;

    /** As in the worked example: the first run on the 5th of the next month, the backfill weeks later. */
    static final int FIRST_RUN_DAYS_AFTER_END = 4;
    static final int BACKFILL_DAYS_AFTER_END = 49;

    static Timeline of(Period period) {
        return new Timeline(period, period.startMicros(), period.endMicros());
    }

    int days() {
        return (int) ((end - start) / DAY);
    }

    long dayInPeriod(int day) {
        return start + day * DAY;
    }

    long daysAfterEnd(int days) {
        return end + days * DAY;
    }

    long firstRunAsOf() {
        return daysAfterEnd(FIRST_RUN_DAYS_AFTER_END);
    }

    long backfillAsOf() {
        return daysAfterEnd(BACKFILL_DAYS_AFTER_END);
    }

    String previousPeriod() {
        return YearMonth.parse(period.toString()).minusMonths(1).toString();
    }
}
