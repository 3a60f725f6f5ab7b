package dev.royalties.jobs.monthly;

import dev.royalties.io.TableFileCheck;
import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.jobs.Royalties;
import dev.royalties.jobs.cli.UsageException;
import dev.royalties.jobs.live.JdbcConsent;
import dev.royalties.rules.Consent;
import dev.royalties.rules.ReferenceData;
import dev.royalties.rules.ReferenceDataException;
import java.util.List;
import org.apache.flink.core.fs.Path;

/**
 * Reads the reference tables in the driver, before the job starts, so that inconsistent data
 * stops the run before anything is written (spec §3).
 */
public final class ReferenceLoader {
    private ReferenceLoader() {}

    /** Fails with one line when a required table folder is missing. */
    public static void checkRequiredInputs(String input) throws Exception {
        if (!TableFiles.exists(new Path(input))) {
            throw new UsageException("monthly: input folder " + input + " does not exist");
        }
        for (TableSchema t : Tables.REQUIRED_INPUTS) {
            if (!TableFiles.exists(new Path(input, t.name()))) {
                throw new UsageException("monthly: required input table '" + t.name() + "' is missing (no folder "
                        + new Path(input, t.name()) + ")");
            }
        }
    }

    /**
     * Checks the footer of every input file against the contract (TableFileCheck), so that a bad
     * file stops the run with one line before the job starts; a required table whose folder holds no
     * data file (only hidden or marker files, or nothing) is treated as missing: an export that did
     * not land must not become a month where every pool is held.
     */
    public static void checkInputFiles(MonthlyOptions o) throws Exception {
        for (TableSchema t : Tables.REQUIRED_INPUTS) {
            Path dir = new Path(o.input(), t.name());
            if (TableFileCheck.check(dir, t).isEmpty()) {
                throw new UsageException("monthly: required input table '" + t.name() + "' has no Parquet file"
                        + " (folder " + dir + " is empty or holds only hidden and marker files)");
            }
        }
        for (TableSchema t : Tables.OPTIONAL_INPUTS) {
            if (t != Tables.AI_CONSENT || o.consentJdbc() == null) {
                TableFileCheck.check(new Path(o.input(), t.name()), t);
            }
        }
    }

    public static ReferenceData load(MonthlyOptions o) throws Exception {
        Path in = new Path(o.input());
        List<Consent> consent;
        if (o.consentJdbc() != null) {
            MonthlyOptions.ConsentJdbc j = o.consentJdbc();
            try {
                consent = JdbcConsent.read(j.url(), j.table(), j.user(), j.password());
            } catch (Exception e) {
                throw new ReferenceDataException("monthly: could not read consent table "
                        + (j.table() == null ? "ai_consent" : j.table()) + " from " + Royalties.withoutQuery(j.url())
                        + ": " + Royalties.oneLine(e));
            }
        } else {
            consent = TableFiles.readAll(new Path(in, "ai_consent"), Tables.AI_CONSENT, Tables.CONSENT);
        }
        return new ReferenceData(
                TableFiles.readAll(new Path(in, "tracks"), Tables.TRACKS, Tables.TRACK),
                TableFiles.readAll(new Path(in, "track_rights"), Tables.TRACK_RIGHTS, Tables.RIGHT),
                TableFiles.readAll(new Path(in, "revenue_pools"), Tables.REVENUE_POOLS, Tables.POOL),
                TableFiles.readAll(new Path(in, "fraud_verdicts"), Tables.FRAUD_VERDICTS, Tables.VERDICT),
                consent,
                TableFiles.readAll(new Path(in, "ai_licences"), Tables.AI_LICENCES, Tables.LICENCE));
    }
}
