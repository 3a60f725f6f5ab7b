package dev.royalties.jobs.generate;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.rules.Period;
import java.nio.file.Path;
import java.util.Set;

/**
 * `royalties generate --plays N --seed S --output DIR [--period YYYY-MM]`: a synthetic month of
 * inputs (see {@link MonthGenerator}), then one summary line.
 */
public final class GenerateCommand {
    private static final String NAME = "generate";

    private GenerateCommand() {}

    public static int run(String[] args) throws Exception {
        Args a = Args.parse(NAME, args, Set.of("plays", "seed", "output", "period"), Set.of());
        a.required("plays");
        a.required("seed");
        long plays = a.longValue("plays", 0);
        long seed = a.longValue("seed", 0);
        Path output = Path.of(a.required("output"));
        Period period;
        try {
            period = Period.parse(a.string("period", MonthGenerator.DEFAULT_PERIOD));
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": --" + e.getMessage());
        }
        if (plays < Scale.MIN_PLAYS || plays > Scale.MAX_PLAYS) {
            throw new UsageException(NAME + ": --plays must be between " + Scale.MIN_PLAYS + " and "
                    + Scale.MAX_PLAYS + ", got " + plays);
        }
        try {
            MonthGenerator.prepareOutput(output);
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
        System.out.println(MonthGenerator.generate(output, plays, seed, period).oneLine());
        return 0;
    }
}
