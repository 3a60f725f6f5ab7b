package dev.royalties.jobs.generate;

import dev.royalties.io.Tables;
import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes one {@link PlayFile}. Its plays are in time order, as a day's log would be; defects and
 * duplicates sit at random places in it, a duplicate right after its original (a redelivery).
 */
final class PlayFileWriter {
    private static final byte EXACT_DUPLICATE = 1;
    private static final byte DIFFERING_DUPLICATE = 2;
    private static final byte FIRST_DEFECT = 3;

    private final Path root;
    private final long seed;
    private final Listening listening;
    private final DiurnalCurve curve = new DiurnalCurve();

    private final String tag;

    PlayFileWriter(Path root, long seed, Listening listening) {
        this(root, seed, listening, "");
    }

    /** @param tag put in every file name, so that the months of a multi-month run never share a file */
    PlayFileWriter(Path root, long seed, Listening listening, String tag) {
        this.tag = tag;
        this.root = root;
        this.seed = seed;
        this.listening = listening;
    }

    WrittenFile write(PlayFile f) throws IOException {
        SplittableRandom rng = Seeds.stream(seed, Seeds.Purpose.PLAY_FILE, f.ordinal());
        long[] times = playTimes(f, rng);
        byte[] special = placeSpecials(f, rng);
        Path file = root.resolve(tag.isEmpty() ? f.relativePath()
                : f.relativePath().replace("/part-", "/part-" + tag + "-"));
        Play p = new Play();
        try (ParquetWriter<Object[]> out = ParquetFiles.open(file, Tables.PLAYS)) {
            for (int i = 0; i < f.fresh(); i++) {
                listening.fill(p, f.firstIndex() + i, times[i], rng);
                byte s = special[i];
                if (s >= FIRST_DEFECT) {
                    PlayDefect.of(s - FIRST_DEFECT).apply(p);
                }
                out.write(Tables.row(p));
                if (s == EXACT_DUPLICATE) {
                    out.write(Tables.row(p));
                } else if (s == DIFFERING_DUPLICATE) {
                    differ(p, rng);
                    out.write(Tables.row(p));
                }
            }
        }
        return new WrittenFile(Tables.PLAYS.name(), f.rows(), ParquetFiles.seal(file));
    }

    private long[] playTimes(PlayFile f, SplittableRandom rng) {
        long dayStart = Times.micros(f.day().atStartOfDay(ZoneOffset.UTC).toInstant());
        double width = f.qTo() - f.qFrom();
        long[] times = new long[f.fresh()];
        for (int i = 0; i < times.length; i++) {
            times[i] = curve.at(dayStart, f.qFrom() + width * rng.nextDouble());
        }
        Arrays.sort(times);
        return times;
    }

    private static byte[] placeSpecials(PlayFile f, SplittableRandom rng) {
        byte[] special = new byte[f.fresh()];
        for (byte d : f.defects()) {
            special[freeSlot(special, rng)] = (byte) (FIRST_DEFECT + d);
        }
        for (int i = 0; i < f.exactDuplicates(); i++) {
            special[freeSlot(special, rng)] = EXACT_DUPLICATE;
        }
        for (int i = 0; i < f.differingDuplicates(); i++) {
            special[freeSlot(special, rng)] = DIFFERING_DUPLICATE;
        }
        return special;
    }

    private static int freeSlot(byte[] special, SplittableRandom rng) {
        while (true) {
            int i = rng.nextInt(special.length);
            if (special[i] == 0) {
                return i;
            }
        }
    }

    /**
     * The same play_id reported again with other values: a later clock with the same length, an
     * interim report with less listened, or an earlier clock (skew), where the copy wins (spec §3).
     */
    private static void differ(Play p, SplittableRandom rng) {
        int variant = rng.nextInt(3);
        if (variant == 1 && p.msPlayed == 0) {
            variant = 0; // nothing less to report
        }
        switch (variant) {
            case 0 -> p.playedAt += 1_000 + rng.nextLong(4_000_000);
            case 1 -> p.msPlayed = rng.nextInt(p.msPlayed);
            default -> {
                p.playedAt -= 1_000 + rng.nextLong(2_000_000);
                p.msPlayed += 1 + rng.nextInt(1_000);
            }
        }
    }
}
