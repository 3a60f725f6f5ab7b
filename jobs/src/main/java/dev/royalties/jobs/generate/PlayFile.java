package dev.royalties.jobs.generate;

import java.time.LocalDate;

/**
 * One Parquet file of plays, generated on its own: `fresh` new plays numbered from firstIndex,
 * drawn from the slice [qFrom, qTo) of the day's listening curve, with its share of defects
 * (PlayDefect ordinals) and duplicates mixed in.
 */
record PlayFile(int ordinal, LocalDate day, int part, long firstIndex, int fresh, double qFrom, double qTo,
                byte[] defects, int exactDuplicates, int differingDuplicates) {

    long rows() {
        return (long) fresh + exactDuplicates + differingDuplicates;
    }

    String relativePath() {
        return "plays/dt=" + day + "/" + String.format("part-%05d.parquet", part);
    }
}
