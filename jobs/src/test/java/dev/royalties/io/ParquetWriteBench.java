package dev.royalties.io;

import dev.royalties.jobs.live.bench.IngestBench;
import dev.royalties.rules.Play;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Benchmark (not a test) of the archive's Parquet writer alone: the live benchmark's play rows
 * (IngestBench's backlog) into one local file, the shipped writer against the same writer without
 * dictionaries for more columns, alternating in the same run; the first round warms the JIT up
 * and is not counted.
 *
 * <pre>
 * conf/bench-parquet.sh [rows=1000000] [rounds=5] [noDictionary=track_id,user_id]
 * </pre>
 */
public final class ParquetWriteBench {
    private ParquetWriteBench() {}

    public static void main(String[] argv) throws Exception {
        int rows = Integer.parseInt(arg(argv, "rows", "1000000"));
        int rounds = Integer.parseInt(arg(argv, "rounds", "5"));
        Set<String> variant = new HashSet<>(ParquetRows.UNIQUE_IDS);
        variant.addAll(Arrays.asList(arg(argv, "noDictionary", "track_id,user_id").split(",")));
        SplittableRandom rnd = new SplittableRandom(42);
        Play[] plays = new Play[rows];
        for (int i = 0; i < rows; i++) {
            plays[i] = IngestBench.backlogPlay(i, rows, rnd);
        }
        Path dir = Files.createTempDirectory("parquet-bench");
        try {
            for (int round = 0; round <= rounds; round++) {
                String label = round == 0 ? "warm-up " : "round " + round;
                write(label + " shipped (no dictionary: " + ParquetRows.UNIQUE_IDS + ")", dir, plays,
                        ParquetRows.UNIQUE_IDS);
                write(label + " variant (no dictionary: " + variant + ")", dir, plays, variant);
            }
        } finally {
            org.apache.flink.util.FileUtils.deleteDirectory(dir.toFile());
        }
    }

    static void write(String label, Path dir, Play[] plays, Set<String> noDictionary) throws Exception {
        Path file = dir.resolve("plays.parquet");
        long start = System.nanoTime();
        try (ParquetWriter<Play> w = ParquetRows.writer(new LocalOutputFile(file), Tables.PLAYS, Tables::row,
                noDictionary)) {
            for (Play p : plays) {
                w.write(p);
            }
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("%s: %,.0f ns per row, %,.0f rows/s, %,d bytes%n", label, (double) nanos / plays.length,
                plays.length * 1e9 / nanos, Files.size(file));
        Files.delete(file);
    }

    static String arg(String[] argv, String name, String fallback) {
        for (String a : argv) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
