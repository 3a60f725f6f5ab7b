package dev.royalties.jobs.generate;

import dev.royalties.jobs.cli.Args;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.rules.Period;
import java.nio.file.Path;
import java.util.Set;

/**
 * `royalties generate --plays N --seed S --output DIR [--period YYYY-MM] [--months K]`: a synthetic
 * month of inputs (see {@link MonthGenerator}), or K consecutive months ending with the period
 * (each of N plays), then one summary line.
 */
public final class GenerateCommand {
    private static final String NAME = "generate";

    private GenerateCommand() {}

    public static int run(String[] args) throws Exception {
        Args a = Args.parse(NAME, args, Set.of("plays", "seed", "output", "period", "months"), Set.of());
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
        int months = a.intValue("months", 1);
        if (months < 1 || months > 120) {
            throw new UsageException(NAME + ": --months must be between 1 and 120, got " + months);
        }
        System.out.println(MonthGenerator.generate(output, plays, seed, period,
                Runtime.getRuntime().availableProcessors(), months).oneLine());
        return 0;
    }
}
