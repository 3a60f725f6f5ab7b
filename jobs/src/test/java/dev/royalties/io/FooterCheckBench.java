package dev.royalties.io;

import dev.royalties.rules.Times;
import dev.royalties.testing.InputFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;

/**
 * Benchmark (not a test) of the driver's footer check (TableFileCheck) on a many-file plays folder:
 * the time to check every file's footer against the contract, next to the time to list the folder
 * alone (which the job's source does anyway) and to read every row once. The first round warms the
 * JIT up and is not counted.
 *
 * <pre>
 * conf/test-main.sh dev.royalties.io.FooterCheckBench [files=2000] [rows=1000] [rounds=3]
 * </pre>
 */
public final class FooterCheckBench {
    private FooterCheckBench() {}

    public static void main(String[] argv) throws Exception {
        int files = Integer.parseInt(arg(argv, "files", "2000"));
        int rows = Integer.parseInt(arg(argv, "rows", "1000"));
        int rounds = Integer.parseInt(arg(argv, "rounds", "3"));
        Path root = Files.createTempDirectory("footer-bench");
        try {
            InputFolder in = new InputFolder(root);
            long t = Times.parseInstant("2026-10-10T12:00:00Z");
            for (int f = 0; f < files; f++) {
                List<Object[]> batch = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    batch.add(new Object[] {"P" + f + "-" + r, "U" + r, "T" + (r % 50), t + r, 200_000, "FR",
                        "premium"});
                }
                in.write(Tables.PLAYS, "plays/dt=2026-10-" + String.format("%02d", 1 + f % 31) + "/part-" + f
                        + ".parquet", batch);
            }
            org.apache.flink.core.fs.Path dir = new org.apache.flink.core.fs.Path(root.resolve("plays").toUri());
            System.out.printf("%d files of %d plays under %s%n", files, rows, dir);
            for (int round = 0; round <= rounds; round++) {
                String label = round == 0 ? "warm-up " : "round " + round;
                long t0 = System.nanoTime();
                int listed = TableFiles.list(dir).size();
                long t1 = System.nanoTime();
                int checked = TableFileCheck.check(dir, Tables.PLAYS).size();
                long t2 = System.nanoTime();
                long read = 0;
                for (org.apache.flink.core.fs.Path file : TableFiles.list(dir)) {
                    try (ParquetRowReader<Object> r = new ParquetRowReader<>(TableFiles.open(file), file.toString(),
                            Tables.PLAYS, b -> b, null)) {
                        while (r.next() != null) {
                            read++;
                        }
                    }
                }
                long t3 = System.nanoTime();
                System.out.printf("%s: list %d files %6.0f ms | footer check %d files %6.0f ms (%.2f ms/file)"
                        + " | read %d rows %6.0f ms%n", label, listed, (t1 - t0) / 1e6, checked, (t2 - t1) / 1e6,
                        (t2 - t1) / 1e6 / checked, read, (t3 - t2) / 1e6);
            }
        } finally {
            FileSystem.getLocalFileSystem().delete(new org.apache.flink.core.fs.Path(root.toUri()), true);
        }
    }

    private static String arg(String[] argv, String name, String fallback) {
        for (String a : argv) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
