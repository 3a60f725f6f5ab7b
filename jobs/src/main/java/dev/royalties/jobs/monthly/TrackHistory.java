package dev.royalties.jobs.monthly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.royalties.io.TableFiles;
import dev.royalties.io.Tables;
import dev.royalties.rules.Period;
import dev.royalties.rules.TrackListening;
import dev.royalties.rules.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.fs.Path;

/**
 * The qualifying streams of the 11 periods before a run's period (issue 9 §1), read from the
 * track_history of an earlier revision of each. Of each period it takes the latest complete
 * revision whose own as-of is not after this run's as-of, so that a re-run with the same as-of
 * reads the same history even after later backfills. A period without one counts as 0 and is
 * listed as missing, so a cold start is never mistaken for a rule.
 */
public record TrackHistory(Map<String, Long> streams, Map<String, Integer> revisionsRead, List<String> missing) {
    static final int PERIODS = 11;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TrackHistory none() {
        return new TrackHistory(Map.of(), Map.of(), List.of());
    }

    public static TrackHistory read(String root, Period period, long asOf) throws Exception {
        Map<String, Long> streams = new HashMap<>();
        Map<String, Integer> read = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (int k = PERIODS; k >= 1; k--) {
            Period p = period.minusMonths(k);
            OutputLayout layout = new OutputLayout(root, p);
            int revision = latestKnownAt(layout, asOf);
            Path table = layout.partition(Tables.TRACK_HISTORY.name(), revision);
            if (revision == 0 || !TableFiles.exists(table)) {
                missing.add(p.toString());
                continue;
            }
            for (TrackListening t : TableFiles.readAll(table, Tables.TRACK_HISTORY, Tables.LISTENING)) {
                streams.merge(t.trackId, t.streams, Long::sum);
            }
            read.put(p.toString(), revision);
        }
        return new TrackHistory(streams, read, missing);
    }

    private static int latestKnownAt(OutputLayout layout, long asOf) throws Exception {
        int best = 0;
        for (int revision : layout.completeRevisions()) {
            Path manifest = layout.manifest(revision);
            JsonNode m;
            try (InputStream in = manifest.getFileSystem().open(manifest)) {
                m = JSON.readTree(in);
            }
            JsonNode revisionAsOf = m.get("as_of");
            if (revisionAsOf != null && Times.micros(Instant.parse(revisionAsOf.asText())) <= asOf) {
                best = revision;
            }
        }
        return best;
    }

    /** The missing periods as ranges of consecutive months: "2025-11 .. 2026-08, 2026-10". */
    public String missingRanges() {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < missing.size()) {
            int j = i;
            while (j + 1 < missing.size()
                    && Period.parse(missing.get(j + 1)).minusMonths(1).toString().equals(missing.get(j))) {
                j++;
            }
            parts.add(i == j ? missing.get(i) : missing.get(i) + " .. " + missing.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
