package dev.royalties.jobs.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits the month's plays into files before any of them is written: how many plays each day and
 * file gets, where the play numbering of each file starts, and which files carry the defects and
 * duplicates. Files can then be generated in any order, on any thread, with the same result.
 * The plan also adds a few plays on the day before and after the period, near midnight.
 */
final class PlayPlan {
    static final int ROWS_PER_FILE = 250_000;
    /** Weekend listening is a little higher; Monday is 0. */
    private static final int[] WEEKDAY_WEIGHT = {100, 100, 100, 102, 108, 112, 106};

    final List<PlayFile> files;
    /** Plays numbered in [firstInPeriod, endInPeriod) are dated inside the period. */
    final long firstInPeriod;
    final long endInPeriod;

    private PlayPlan(List<PlayFile> files, long firstInPeriod, long endInPeriod) {
        this.files = files;
        this.firstInPeriod = firstInPeriod;
        this.endInPeriod = endInPeriod;
    }

    static PlayPlan build(Scale scale, Timeline timeline, SplittableRandom rng) {
        YearMonth month = YearMonth.parse(timeline.period().toString());
        int days = month.lengthOfMonth();
        int duplicates = scale.exactDuplicates() + scale.differingDuplicates();
        long inPeriod = scale.plays() - 2L * scale.outsidePerSide() - duplicates;

        long[] perDay = splitByWeekday(inPeriod, month);
        List<Draft> drafts = new ArrayList<>();
        drafts.add(new Draft(month.atDay(1).minusDays(1), 0, scale.outsidePerSide(), 0.90, 1.0));
        for (int d = 0; d < days; d++) {
            int parts = (int) Math.max(1, (perDay[d] + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
            long before = 0;
            for (int p = 0; p < parts; p++) {
                int rows = (int) (perDay[d] / parts + (p < perDay[d] % parts ? 1 : 0));
                drafts.add(new Draft(month.atDay(d + 1), p, rows,
                        (double) before / perDay[d], (double) (before + rows) / perDay[d]));
                before += rows;
            }
        }
        drafts.add(new Draft(month.atEndOfMonth().plusDays(1), 0, scale.outsidePerSide(), 0.0, 0.05));

        List<Draft> inside = drafts.subList(1, drafts.size() - 1);
        for (PlayDefect kind : PlayDefect.values()) {
            for (int i = 0; i < scale.invalidPerKind(); i++) {
                roomyFile(inside, rng).defects.add((byte) kind.ordinal());
            }
        }
        for (int i = 0; i < scale.exactDuplicates(); i++) {
            roomyFile(inside, rng).exactDuplicates++;
        }
        for (int i = 0; i < scale.differingDuplicates(); i++) {
            roomyFile(inside, rng).differingDuplicates++;
        }

        List<PlayFile> files = new ArrayList<>(drafts.size());
        long next = 0;
        for (Draft d : drafts) {
            byte[] defects = new byte[d.defects.size()];
            for (int i = 0; i < defects.length; i++) {
                defects[i] = d.defects.get(i);
            }
            files.add(new PlayFile(files.size(), d.day, d.part, next, d.fresh, d.qFrom, d.qTo, defects,
                    d.exactDuplicates, d.differingDuplicates));
            next += d.fresh;
        }
        long firstInPeriod = scale.outsidePerSide();
        return new PlayPlan(List.copyOf(files), firstInPeriod, firstInPeriod + inPeriod);
    }

    private static long[] splitByWeekday(long total, YearMonth month) {
        int days = month.lengthOfMonth();
        long[] weight = new long[days];
        long sum = 0;
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = month.atDay(d + 1).getDayOfWeek();
            weight[d] = WEEKDAY_WEIGHT[dow.getValue() - 1];
            sum += weight[d];
        }
        long[] perDay = new long[days];
        long given = 0;
        for (int d = 0; d < days; d++) {
            perDay[d] = total * weight[d] / sum; // at most 10^10 x 112: no overflow
            given += perDay[d];
        }
        for (int d = 0; given < total; d = (d + 1) % days) {
            perDay[d]++;
            given++;
        }
        return perDay;
    }

    /** A file with room for one more special row: specials never take more than half a file. */
    private static Draft roomyFile(List<Draft> files, SplittableRandom rng) {
        while (true) {
            Draft d = files.get(rng.nextInt(files.size()));
            if (d.specials() + 1 <= d.fresh / 2) {
                return d;
            }
        }
    }

    private static final class Draft {
        final LocalDate day;
        final int part;
        final int fresh;
        final double qFrom;
        final double qTo;
        final List<Byte> defects = new ArrayList<>();
        int exactDuplicates;
        int differingDuplicates;

        Draft(LocalDate day, int part, int fresh, double qFrom, double qTo) {
            this.day = day;
            this.part = part;
            this.fresh = fresh;
            this.qFrom = qFrom;
            this.qTo = qTo;
        }

        int specials() {
            return defects.size() + exactDuplicates + differingDuplicates;
        }
    }
}
