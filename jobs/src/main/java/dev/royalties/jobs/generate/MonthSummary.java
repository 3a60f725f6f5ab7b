package dev.royalties.jobs.generate;

import dev.royalties.rules.Period;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link MonthGenerator} wrote. firstRunAsOf and backfillAsOf are the as-of instants the
 * month was built around: verdicts and consent are decided or recorded on both sides of the first.
 *
 * @param rows rows written per table, in the contract's table order (duplicates and invalid rows included)
 */
public record MonthSummary(Path output, Period period, long seed, Map<String, Long> rows, int files, long bytes,
                           long elapsedMillis, Instant firstRunAsOf, Instant backfillAsOf) {

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }

    public String oneLine() {
        String counts = rows.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "generated %s (seed %d) in %s: %s; %d files, %.1f MB, %.1f s",
                period, seed, output, counts, files, bytes / 1e6, elapsedMillis / 1e3);
    }
}
