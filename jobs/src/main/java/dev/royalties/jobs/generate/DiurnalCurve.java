package dev.royalties.jobs.generate;

/**
 * When in a UTC day people listen: quiet at night, a peak in the (European and American)
 * evening. A quantile q in [0, 1) of the day's listening maps to an instant, so that each file
 * of a day can draw its plays from its own slice of the day and the files come out in time order.
 */
final class DiurnalCurve {
    static final long HOUR = 3_600_000_000L;
    static final long DAY = 24 * HOUR;

    private static final int[] HOUR_WEIGHTS = {
        20, 15, 10, 9, 9, 12, 22, 38, 48, 50, 50, 55, 60, 60, 62, 65, 70, 76, 82, 86, 82, 70, 50, 32};

    private final double[] before = new double[25];

    DiurnalCurve() {
        long total = 0;
        for (int w : HOUR_WEIGHTS) {
            total += w;
        }
        long running = 0;
        for (int h = 0; h < 24; h++) {
            before[h] = (double) running / total;
            running += HOUR_WEIGHTS[h];
        }
        before[24] = 1.0;
    }

    /** The instant of quantile q of the day that starts at dayStart (microseconds). */
    long at(long dayStart, double q) {
        int h = 0;
        while (h < 23 && before[h + 1] <= q) {
            h++;
        }
        double within = (q - before[h]) / (before[h + 1] - before[h]);
        long offset = Math.min(HOUR - 1, Math.max(0, (long) (within * HOUR)));
        return dayStart + h * HOUR + offset;
    }
}
