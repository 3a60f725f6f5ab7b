package dev.royalties.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks and their rights splits. A track is matched when it is in `tracks` and has rights rows
 * (spec §4.3); rights for a track missing from `tracks` are kept out (the track is unmatched).
 */
public final class Catalogue implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The artists credited on a track, sorted by artist_id (code points), with shares in millionths,
     * and the catalogue's own instance of the track id: a play that takes it on is found in every
     * later per-track map by reference, without comparing characters.
     */
    public record Credits(String trackId, String[] artists, long[] shareMicros, boolean fullAi)
            implements Serializable {}

    private final Map<String, Credits> matched;
    private final Map<String, Boolean> fullAiByTrack;
    private final Map<String, String> isrcByTrack;

    public Catalogue(Iterable<Track> tracks, Iterable<Right> rights) {
        fullAiByTrack = new HashMap<>();
        isrcByTrack = new HashMap<>();
        for (Track t : tracks) {
            fullAiByTrack.put(t.trackId(), "full".equals(t.aiContent()));
            if (t.isrc() != null) {
                isrcByTrack.put(t.trackId(), t.isrc());
            }
        }
        Map<String, List<Right>> byTrack = new HashMap<>();
        for (Right r : rights) {
            if (fullAiByTrack.containsKey(r.trackId())) {
                byTrack.computeIfAbsent(r.trackId(), k -> new ArrayList<>()).add(r);
            }
        }
        matched = new HashMap<>(byTrack.size() * 2);
        byTrack.forEach((trackId, rs) -> {
            rs.sort(Comparator.comparing(Right::artistId, CodePoints.ORDER));
            String[] artists = new String[rs.size()];
            long[] shares = new long[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                artists[i] = rs.get(i).artistId();
                shares[i] = rs.get(i).shareMicros();
            }
            matched.put(trackId, new Credits(trackId, artists, shares, fullAiByTrack.get(trackId)));
        });
    }

    /** The credits of a matched track, or null when the track is unmatched. */
    public Credits credits(String trackId) {
        return matched.get(trackId);
    }

    /** The track's ISRC, or null when the track is not in `tracks` (or has none). */
    public String isrc(String trackId) {
        return isrcByTrack.get(trackId);
    }

    public int trackCount() {
        return fullAiByTrack.size();
    }

    public int matchedCount() {
        return matched.size();
    }

    public record Track(String trackId, String isrc, Integer durationMs, String aiContent) implements Serializable {}

    public record Right(String trackId, String artistId, Long shareMicros) implements Serializable {}
}
