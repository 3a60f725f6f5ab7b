package dev.royalties.jobs.generate;

import dev.royalties.io.RowMapper;
import dev.royalties.io.TableFiles;
import dev.royalties.io.TableSchema;
import dev.royalties.io.Tables;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Consent;
import dev.royalties.rules.Licence;
import dev.royalties.rules.Play;
import dev.royalties.rules.Pool;
import dev.royalties.rules.ReferenceData;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A generated month read back through the engine's own readers, as the monthly job would see it. */
record GeneratedMonth(List<Play> plays, List<Catalogue.Track> tracks, List<Catalogue.Right> rights, List<Pool> pools,
                      List<Verdict> verdicts, List<Consent> consents, List<Usage> usage, List<Licence> licences) {

    static GeneratedMonth read(Path root) {
        return new GeneratedMonth(
                read(root, Tables.PLAYS, Tables.PLAY),
                read(root, Tables.TRACKS, Tables.TRACK),
                read(root, Tables.TRACK_RIGHTS, Tables.RIGHT),
                read(root, Tables.REVENUE_POOLS, Tables.POOL),
                read(root, Tables.FRAUD_VERDICTS, Tables.VERDICT),
                read(root, Tables.AI_CONSENT, Tables.CONSENT),
                read(root, Tables.AI_USAGE, Tables.USAGE),
                read(root, Tables.AI_LICENCES, Tables.LICENCE));
    }

    ReferenceData reference() {
        return new ReferenceData(tracks, rights, pools, verdicts, consents, licences);
    }

    private static <T> List<T> read(Path root, TableSchema schema, RowMapper<T> mapper) {
        try {
            return TableFiles.readAll(new org.apache.flink.core.fs.Path(root.resolve(schema.name()).toUri()),
                    schema, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
