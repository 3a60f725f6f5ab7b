package dev.royalties.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.royalties.io.RowMapper;
import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.monthly.OutputLayout;
import dev.royalties.rules.Adjustment;
import dev.royalties.rules.AiViolation;
import dev.royalties.rules.ArtistPayment;
import dev.royalties.rules.Period;
import dev.royalties.rules.PoolReconciliation;
import dev.royalties.rules.RecordingUsage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.flink.core.fs.Path;

/**
 * The output tables of one complete revision (one with a manifest), read once through the
 * project's Parquet reader, with the previous complete revision's payments and pools for the
 * "what changed" parts. Never a pass over the plays.
 */
record RevisionOutputs(String output, Period period, int revision, JsonNode manifest,
                       List<ArtistPayment> payments, List<PoolReconciliation> pools, List<AiViolation> violations,
                       List<Adjustment> adjustments, List<OutputRows.QuarantineReason> quarantine,
                       List<RecordingUsage.Row> recordings, boolean hasRecordingUsage, Previous previous) {

    /** The previous complete revision's payments and pools; null when this is the first revision. */
    record Previous(int revision, List<ArtistPayment> payments, List<PoolReconciliation> pools) {}

    /** @param revision the revision asked for, or null for the latest complete one */
    static RevisionOutputs load(String output, String periodText, Integer revision) throws IOException {
        Period period = period(periodText);
        if (!TableFiles.exists(new Path(output))) {
            throw new UsageException("no output folder " + output);
        }
        OutputLayout layout = new OutputLayout(output, period);
        int latest = layout.latestComplete();
        if (latest == 0) {
            throw new UsageException("no complete revision of period " + period + " in " + output);
        }
        int rev = revision == null ? latest : revision;
        if (rev < 1 || !TableFiles.exists(layout.manifest(rev))) {
            throw new UsageException("revision " + rev + " of period " + period + " is not complete (no manifest)"
                    + " in " + output + "; the latest complete revision is " + latest);
        }
        JsonNode manifest = readManifest(layout.manifest(rev));
        JsonNode prev = manifest.get("previous_revision");
        Previous previous = prev == null || prev.isNull() ? null : new Previous(prev.asInt(),
                read(layout, Tables.ARTIST_PAYMENTS, prev.asInt(), Tables.PAYMENT),
                read(layout, Tables.POOL_RECONCILIATION, prev.asInt(), OutputRows.POOL));
        return new RevisionOutputs(output, period, rev, manifest,
                read(layout, Tables.ARTIST_PAYMENTS, rev, Tables.PAYMENT),
                read(layout, Tables.POOL_RECONCILIATION, rev, OutputRows.POOL),
                read(layout, Tables.AI_VIOLATIONS, rev, OutputRows.VIOLATION),
                read(layout, Tables.ADJUSTMENTS, rev, OutputRows.ADJUSTMENT),
                read(layout, OutputRows.QUARANTINE_REASONS, rev, OutputRows.REASON),
                read(layout, Tables.RECORDING_USAGE, rev, Tables.RECORDING),
                TableFiles.exists(layout.partition(Tables.RECORDING_USAGE.name(), rev)), previous);
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static <T> List<T> read(OutputLayout layout, TableSchema table, int revision, RowMapper<T> mapper)
            throws IOException {
        return TableFiles.readAll(layout.partition(table.name(), revision), table, mapper);
    }

    private static JsonNode readManifest(Path file) throws IOException {
        try (InputStream in = file.getFileSystem().open(file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    String asOf() {
        return manifest.path("as_of").asText("");
    }

    /** When the revision was finished: the creation time of everything derived from it. */
    String finishedAt() {
        return manifest.path("finished_at").asText("");
    }
}
