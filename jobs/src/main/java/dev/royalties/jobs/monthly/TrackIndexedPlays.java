package dev.royalties.jobs.monthly;

import dev.royalties.io.RowMapper;
import dev.royalties.io.Tables;
import dev.royalties.io.TextCoder;
import dev.royalties.rules.Catalogue;
import dev.royalties.rules.Play;
import java.util.Map;

/**
 * Plays read with their track's catalogue index ({@link Play#trackIndex}): the reader codes each
 * track_id of a row group's dictionary once, so the per-user stage finds a play's credits in an
 * array instead of hashing its track_id (a sixth of that stage's time, JFR).
 */
final class TrackIndexedPlays {
    private TrackIndexedPlays() {}

    private static final String COLUMN = "track_id";

    /** Reads plays as {@code plays} does, adding the code {@link #coders} gave their track_id. */
    static RowMapper<Play> mapper(RowMapper<Play> plays) {
        int column = Tables.PLAYS.indexOf(COLUMN);
        return r -> {
            Play p = plays.map(r);
            p.trackIndex = r.code(column, -1);
            return p;
        };
    }

    static Map<String, TextCoder> coders(Catalogue catalogue) {
        return Map.of(COLUMN, catalogue::indexOf);
    }
}
