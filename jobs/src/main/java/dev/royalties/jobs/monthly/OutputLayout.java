package dev.royalties.jobs.monthly;

import dev.royalties.io.ParquetRows;
import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.rules.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The output folder of spec §9: `<table>/period=P/revision=N/` partitions and the manifests under
 * `_runs/`. A run writes into a private staging folder and only moves its tables into place once
 * the job has succeeded; the manifest, written last, is what makes a revision complete. Earlier
 * revisions are never touched.
 */
public final class OutputLayout {
    private static final Pattern REVISION = Pattern.compile("revision=(\\d+)");

    private final Path root;
    private final Period period;
    private final FileSystem fs;

    public OutputLayout(String output, Period period) throws IOException {
        this.root = new Path(output);
        this.period = period;
        this.fs = root.getFileSystem();
    }

    private Path runs() {
        return new Path(root, "_runs/period=" + period);
    }

    public Path manifest(int revision) {
        return new Path(runs(), "revision=" + revision + "/manifest.json");
    }

    public Path partition(String table, int revision) {
        return new Path(root, table + "/period=" + period + "/revision=" + revision);
    }

    /** The latest revision with a manifest, or 0. Revisions without one are failed runs, ignored. */
    public int latestComplete() throws IOException {
        int latest = 0;
        if (fs.exists(runs())) {
            for (FileStatus s : fs.listStatus(runs())) {
                Matcher m = REVISION.matcher(s.getPath().getName());
                if (m.matches() && fs.exists(new Path(s.getPath(), "manifest.json"))) {
                    latest = Math.max(latest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return latest;
    }

    /** The complete revisions of the period (those with a manifest), in increasing order. */
    public java.util.List<Integer> completeRevisions() throws IOException {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (fs.exists(runs())) {
            for (FileStatus s : fs.listStatus(runs())) {
                Matcher m = REVISION.matcher(s.getPath().getName());
                if (m.matches() && fs.exists(new Path(s.getPath(), "manifest.json"))) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    public Path newStaging(int revision) throws IOException {
        Path p = new Path(root, "_staging/period=" + period + "/revision=" + revision + "-" + UUID.randomUUID());
        fs.mkdirs(p);
        return p;
    }

    /**
     * Removes the staging folders of this period that killed runs left behind (a crash skips the
     * clean-up in MonthlyRun's finally). Only called under the run lock: no other run of the period
     * is writing one.
     */
    public void discardAbandonedStaging(java.io.PrintStream log) throws IOException {
        Path dir = new Path(root, "_staging/period=" + period);
        FileStatus[] left = fs.exists(dir) ? fs.listStatus(dir) : null;
        if (left == null || left.length == 0) {
            return;
        }
        for (FileStatus s : left) {
            fs.delete(s.getPath(), true);
        }
        log.printf("removed %d staging folder(s) left by killed runs under %s%n", left.length, dir);
    }

    public void discard(Path staging) {
        try {
            fs.delete(staging, true);
            // Remove the now empty _staging/period=P and _staging folders too; non-empty ones stay.
            for (Path p = staging.getParent(); p != null && !p.equals(root); p = p.getParent()) {
                FileStatus[] left = fs.listStatus(p);
                if (left != null && left.length > 0) {
                    break;
                }
                fs.delete(p, false);
            }
        } catch (IOException ignored) {
            // Best effort: a leftover staging folder is invisible to readers and never reused.
        }
    }

    /**
     * Moves a staged table into its partition, replacing what a failed run of the same revision may
     * have left. A table with no rows still gets an empty Parquet file, so that readers see its schema.
     */
    public void promote(Path staging, TableSchema table, int revision) throws IOException {
        Path target = partition(table.name(), revision);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        fs.mkdirs(target.getParent());
        Path staged = new Path(staging, table.name());
        if (!fs.exists(staged) || !fs.rename(staged, target)) {
            fs.mkdirs(target);
        }
        if (TableFiles.list(target).isEmpty()) {
            writeEmpty(new Path(target, "part-empty.parquet"), table);
        }
    }

    private void writeEmpty(Path file, TableSchema table) throws IOException {
        try (FSDataOutputStream out = fs.create(file, FileSystem.WriteMode.OVERWRITE)) {
            BulkWriter<Object[]> w = ParquetRows.sinkFormat(table, (Object[] r) -> r).create(out);
            w.finish();
        }
    }

    /** Writes the manifest last, through a temporary name, so that it appears whole or not at all. */
    public void writeManifest(int revision, String json) throws IOException {
        Path target = manifest(revision);
        Path tmp = new Path(target.getParent(), "_manifest.json.tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, FileSystem.WriteMode.OVERWRITE)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, target)) {
            throw new IOException("could not write " + target);
        }
    }

    public String root() {
        return root.toString();
    }
}
