package dev.royalties.jobs.generate;

import dev.royalties.io.Tables;
import dev.royalties.rules.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The month's AI usage reports, in time order, with two rows on each side of the period, every
 * kind of invalid row, and exact and differing duplicates. Tracks are mostly popular ones, some
 * unknown to the catalogue and some stream-farm tracks (which fraud verdicts may exclude).
 */
final class AiUsageWriter {
    private static final int OUTSIDE_PER_SIDE = 2;
    private static final byte EXACT_DUPLICATE = 1;
    private static final byte DIFFERING_DUPLICATE = 2;
    private static final byte FIRST_DEFECT = 3;
    private static final UsageDefect[] DEFECTS = UsageDefect.values();

    private AiUsageWriter() {}

    static WrittenFile write(Path root, Scale scale, Timeline t, SyntheticCatalogue catalogue, SplittableRandom rng)
            throws IOException {
        int fresh = scale.usageRows();
        long[] times = new long[fresh];
        for (int i = 0; i < fresh; i++) {
            times[i] = i < OUTSIDE_PER_SIDE ? t.start() - 1 - rng.nextLong(Timeline.DAY)
                    : i < 2 * OUTSIDE_PER_SIDE ? t.end() + rng.nextLong(Timeline.DAY)
                    : t.start() + rng.nextLong(t.end() - t.start());
        }
        Arrays.sort(times);
        byte[] special = placeSpecials(scale, fresh, rng);

        WeightedSampler licensees = WeightedSampler.of(AiLicensees.usageWeights());
        Path file = root.resolve(Tables.AI_USAGE.name()).resolve("part-00000.parquet");
        long rows = 0;
        Usage u = new Usage();
        try (ParquetWriter<Object[]> out = ParquetFiles.open(file, Tables.AI_USAGE)) {
            for (int i = 0; i < fresh; i++) {
                fill(u, i, times[i], AiLicensees.ALL.get(licensees.sample(rng)), catalogue, rng);
                byte s = special[i];
                if (s >= FIRST_DEFECT) {
                    DEFECTS[s - FIRST_DEFECT].apply(u);
                }
                out.write(Tables.row(u));
                rows++;
                if (s == EXACT_DUPLICATE) {
                    out.write(Tables.row(u));
                    rows++;
                } else if (s == DIFFERING_DUPLICATE) {
                    if (rng.nextBoolean()) {
                        u.units += 1 + rng.nextInt(50);
                    } else {
                        u.usedAt += 1_000_000 + rng.nextLong(60_000_000);
                    }
                    out.write(Tables.row(u));
                    rows++;
                }
            }
        }
        return new WrittenFile(Tables.AI_USAGE.name(), rows, ParquetFiles.seal(file));
    }

    private static void fill(Usage u, long index, long usedAt, AiLicensees.Licensee licensee,
                             SyntheticCatalogue catalogue, SplittableRandom rng) {
        boolean training = rng.nextInt(100) < licensee.trainingPercent();
        double r = rng.nextDouble();
        int track = r < 0.03 ? catalogue.ghostTrack(rng)
                : r < 0.05 ? catalogue.farmTracks[rng.nextInt(catalogue.farmTracks.length)]
                : catalogue.popularTrack(rng);
        u.usageId = Ids.usage(index);
        u.licenseeId = licensee.id();
        u.modelId = licensee.id() + "-m" + rng.nextInt(licensee.models());
        u.trackId = catalogue.trackIds[track];
        u.scope = training ? "training" : "generation";
        u.usedAt = usedAt;
        // Training counts passes over a recording, generation counts outputs that drew on it.
        u.units = training ? 1 + rng.nextInt(2_000) : 1 + rng.nextInt(100);
        u.copies = 1;
    }

    /** Specials go on rows inside the period only (the outside rows are first and last after sorting). */
    private static byte[] placeSpecials(Scale scale, int fresh, SplittableRandom rng) {
        byte[] special = new byte[fresh];
        for (UsageDefect d : DEFECTS) {
            for (int i = 0; i < scale.usageInvalidPerKind(); i++) {
                special[freeSlot(special, rng)] = (byte) (FIRST_DEFECT + d.ordinal());
            }
        }
        for (int i = 0; i < scale.usageDuplicates(); i++) {
            special[freeSlot(special, rng)] = EXACT_DUPLICATE;
            special[freeSlot(special, rng)] = DIFFERING_DUPLICATE;
        }
        return special;
    }

    private static int freeSlot(byte[] special, SplittableRandom rng) {
        while (true) {
            int i = OUTSIDE_PER_SIDE + rng.nextInt(special.length - 2 * OUTSIDE_PER_SIDE);
            if (special[i] == 0) {
                return i;
            }
        }
    }
}
