package dev.royalties.jobs.generate;

import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.generate.Seeds.Purpose;
import dev.royalties.rules.Period;
import dev.royalties.rules.Times;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A synthetic month of inputs in the layout of spec §2, for demos, benchmarks and tests. The same
 * plays, seed and period always give byte-identical files, whatever the number of threads: every
 * file draws from its own random stream and nothing reads the clock.
 */
public final class MonthGenerator {
    public static final String DEFAULT_PERIOD = "2026-10";

    private MonthGenerator() {}

    /** Generates into output (absent or empty) on all available cores. */
    public static MonthSummary generate(Path output, long plays, long seed, Period period) throws IOException {
        return generate(output, plays, seed, period, Runtime.getRuntime().availableProcessors());
    }

    public static MonthSummary generate(Path output, long plays, long seed, Period period, int threads)
            throws IOException {
        return generate(output, plays, seed, period, threads, 1);
    }

    /**
     * With {@code months} > 1, the months before {@code period} too (for the threshold's history):
     * each of them gets its own plays (same catalogue and users, its own random streams and play
     * ids) and its revenue pools; the other tables (verdicts, consent, AI usage and licences) are
     * the last month's only.
     */
    public static MonthSummary generate(Path output, long plays, long seed, Period period, int threads, int months)
            throws IOException {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be between 1 and 120, got " + months);
        }
        long started = System.nanoTime();
        Scale scale = Scale.of(plays);
        prepareOutput(output);
        Timeline timeline = Timeline.of(period);
        SyntheticCatalogue catalogue = SyntheticCatalogue.build(scale, Seeds.stream(seed, Purpose.CATALOGUE));
        Listeners listeners = Listeners.build(scale, FraudVerdicts.heavyUsersNeeded(scale),
                Seeds.stream(seed, Purpose.LISTENERS));
        PlayPlan plan = PlayPlan.build(scale, timeline, Seeds.stream(seed, Purpose.PLAN));
        String tag = months > 1 ? period.toString() : "";
        PlayFileWriter playWriter = new PlayFileWriter(output, seed, new Listening(catalogue, listeners), tag);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads());
        try {
            List<Future<WrittenFile>> playFiles = new ArrayList<>();
            for (PlayFile f : plan.files) {
                playFiles.add(pool.submit(() -> playWriter.write(f)));
            }
            List<String> poolPeriods = new ArrayList<>();
            for (int k = months - 1; k >= 1; k--) {
                Period earlier = period.minusMonths(k);
                poolPeriods.add(earlier.toString());
                PlayPlan earlierPlan = PlayPlan.build(scale, Timeline.of(earlier), Seeds.stream(seed + k, Purpose.PLAN));
                PlayFileWriter w = new PlayFileWriter(output, seed + k,
                        new Listening(catalogue, listeners, 2L * k * scale.plays()), earlier.toString());
                for (PlayFile f : earlierPlan.files) {
                    playFiles.add(pool.submit(() -> w.write(f)));
                }
            }
            poolPeriods.add(period.toString());
            // The small tables are written here while the pool works through the plays.
            List<WrittenFile> written = new ArrayList<>();
            written.add(ParquetFiles.writeTable(output, Tables.TRACKS, rows(catalogue.trackRows(), Tables::row)));
            written.add(ParquetFiles.writeTable(output, Tables.TRACK_RIGHTS,
                    rows(catalogue.rightRows(), Tables::row)));
            written.add(ParquetFiles.writeTable(output, Tables.REVENUE_POOLS, rows(months == 1
                    ? RevenuePools.build(timeline, listeners, Seeds.stream(seed, Purpose.POOLS))
                    : RevenuePools.build(poolPeriods, listeners, Seeds.stream(seed, Purpose.POOLS)), Tables::row)));
            written.add(ParquetFiles.writeTable(output, Tables.FRAUD_VERDICTS, rows(FraudVerdicts.build(scale,
                    timeline, listeners, catalogue, plan, Seeds.stream(seed, Purpose.VERDICTS)), Tables::row)));
            written.add(ParquetFiles.writeTable(output, Tables.AI_CONSENT, rows(
                    ConsentTimelines.build(catalogue, timeline, Seeds.stream(seed, Purpose.CONSENT)), Tables::row)));
            written.add(AiUsageWriter.write(output, scale, timeline, catalogue, Seeds.stream(seed, Purpose.USAGE)));
            written.add(ParquetFiles.writeTable(output, Tables.AI_LICENCES, rows(
                    AiLicensees.licences(timeline, Seeds.stream(seed, Purpose.LICENCES)), Tables::row)));
            for (Future<WrittenFile> f : playFiles) {
                written.add(await(f));
            }
            return summary(output, period, seed, timeline, written, started);
        } finally {
            pool.shutdownNow();
        }
    }

    private static MonthSummary summary(Path output, Period period, long seed, Timeline timeline,
                                        List<WrittenFile> written, long started) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableSchema t : Stream.concat(Tables.REQUIRED_INPUTS.stream(), Tables.OPTIONAL_INPUTS.stream())
                .toList()) {
            rows.put(t.name(), 0L);
        }
        long bytes = 0;
        for (WrittenFile w : written) {
            rows.merge(w.table(), w.rows(), Long::sum);
            bytes += w.bytes();
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return new MonthSummary(output, period, seed, rows, written.size(), bytes, elapsedMillis,
                Times.instant(timeline.firstRunAsOf()), Times.instant(timeline.backfillAsOf()));
    }

    /** Refuses a folder with anything in it: stale files from another seed would silently join the month. */
    public static void prepareOutput(Path output) throws IOException {
        if (Files.exists(output)) {
            if (!Files.isDirectory(output)) {
                throw new IllegalArgumentException("output " + output + " is not a folder");
            }
            try (Stream<Path> children = Files.list(output)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException("output folder " + output + " is not empty");
                }
            }
        }
        Files.createDirectories(output);
    }

    private static <T> List<Object[]> rows(List<T> records, java.util.function.Function<T, Object[]> toRow) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (T r : records) {
            rows.add(toRow.apply(r));
        }
        return rows;
    }

    private static WrittenFile await(Future<WrittenFile> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating plays", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "generate-plays-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
