package dev.royalties.jobs.generate;

/**
 * How big each part of a generated month is, derived from the number of plays only, so that a
 * 20 000-play test month and a 20 million-play benchmark month have the same shape.
 */
record Scale(long plays, int tracks, int ghostTracks, int artists, int humans, int bots, int farmTracks,
             int outsidePerSide, int exactDuplicates, int differingDuplicates, int invalidPerKind,
             int usageRows, int usageDuplicates, int usageInvalidPerKind) {

    static final long MIN_PLAYS = 1_000;
    /** Far beyond any test or bench; the catalogue and users (held in memory) stay within a few GB. */
    static final long MAX_PLAYS = 2_000_000_000L;

    static Scale of(long plays) {
        if (plays < MIN_PLAYS || plays > MAX_PLAYS) {
            throw new IllegalArgumentException("plays must be between " + MIN_PLAYS + " and " + MAX_PLAYS
                    + ", got " + plays);
        }
        int tracks = clamp(plays / 200, 300, 200_000);
        int users = clamp(plays / 50, 200, 10_000_000);
        int bots = clamp(users / 2_000, 3, 200);
        int usageRows = clamp(plays / 100, 1_000, 500_000);
        return new Scale(plays, tracks,
                Math.max(5, tracks / 100),
                Math.max(100, tracks / 3),
                users - bots, bots,
                clamp(tracks / 2_000, 4, 24),
                clamp(plays / 20_000, 3, 1_000),
                clamp(plays / 20_000, 3, 2_000),
                clamp(plays / 20_000, 3, 2_000),
                clamp(plays / 2_000_000, 1, 20),
                usageRows,
                clamp(usageRows / 1_000, 3, 500),
                clamp(usageRows / 100_000, 1, 5));
    }

    private static int clamp(long v, int min, int max) {
        return (int) Math.max(min, Math.min(max, v));
    }
}
