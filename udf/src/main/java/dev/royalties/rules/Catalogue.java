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
     * later per-track map by reference, without comparing characters. {@code index} numbers the
     * matched tracks 0..n-1 in track_id order, so per-track counters can live in arrays
     * ({@link TrackTable}) instead of maps keyed by strings.
     */
    public record Credits(String trackId, int index, String[] artists, long[] shareMicros, boolean fullAi)
            implements Serializable {}

    private final Map<String, Credits> matched;
    private final Credits[] byIndex;
    /**
     * The matched tracks' ids and AI flags by index, apart from their credits: a per-user worker
     * reads these for every play, and 400 KB of references and a bit per track stay in a core's
     * cache where the credits objects (a cache miss a play, async-profiler) do not.
     */
    private final String[] trackIds;
    private final java.util.BitSet fullAiAt;
    /** The matched tracks' ISRCs by index (null: none), for recording_usage's rows. */
    private final String[] isrcs;
    private final Map<String, Boolean> fullAiByTrack;
    private transient volatile TrackIdBytes byBytes;
    private final Map<String, String> isrcByTrack;
    /**
     * Every credited artist_id in code-point order, and per matched track (by index) the places of
     * its artists ({@link Credits#artists()}) in it: a pool's split adds weights up in arrays by
     * place and reads them in artist_id order, instead of a map per pool sorted by its strings
     * (issue 10).
     */
    private final String[] artistIds;
    private final int[][] artistPlaces;

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
        List<String> ids = new ArrayList<>(byTrack.keySet());
        ids.sort(CodePoints.ORDER);
        byIndex = new Credits[ids.size()];
        trackIds = new String[ids.size()];
        fullAiAt = new java.util.BitSet(ids.size());
        isrcs = new String[ids.size()];
        for (int index = 0; index < ids.size(); index++) {
            String trackId = ids.get(index);
            List<Right> rs = byTrack.get(trackId);
            rs.sort(Comparator.comparing(Right::artistId, CodePoints.ORDER));
            String[] artists = new String[rs.size()];
            long[] shares = new long[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                artists[i] = rs.get(i).artistId();
                shares[i] = rs.get(i).shareMicros();
            }
            byIndex[index] = new Credits(trackId, index, artists, shares, fullAiByTrack.get(trackId));
            trackIds[index] = trackId;
            fullAiAt.set(index, byIndex[index].fullAi());
            isrcs[index] = isrcByTrack.get(trackId);
            matched.put(trackId, byIndex[index]);
        }
        Map<String, Integer> places = new HashMap<>();
        for (Credits c : byIndex) {
            for (String a : c.artists()) {
                places.putIfAbsent(a, 0);
            }
        }
        artistIds = places.keySet().toArray(new String[0]);
        java.util.Arrays.sort(artistIds, CodePoints.ORDER);
        for (int i = 0; i < artistIds.length; i++) {
            places.put(artistIds[i], i);
        }
        artistPlaces = new int[byIndex.length][];
        for (int index = 0; index < byIndex.length; index++) {
            String[] artists = byIndex[index].artists();
            artistPlaces[index] = new int[artists.length];
            for (int i = 0; i < artists.length; i++) {
                artistPlaces[index][i] = places.get(artists[i]);
            }
        }
    }

    /** How many distinct artists the matched tracks credit. */
    public int artistCount() {
        return artistIds.length;
    }

    /** The artist_id at a place of the code-point order of all credited artists. */
    public String artistAt(int place) {
        return artistIds[place];
    }

    /** The places ({@link #artistAt}) of a matched track's artists, in the order of its {@link Credits#artists()}. */
    public int[] artistPlaces(int index) {
        return artistPlaces[index];
    }

    /** While the run has it pinned, written as a small handle ({@link SharedReference}). */
    private Object writeReplace() {
        return SharedReference.replace(this);
    }

    /** The credits of a matched track, or null when the track is unmatched. */
    public Credits credits(String trackId) {
        return matched.get(trackId);
    }

    /**
     * The credits of a play's track, looked up once per play: the play keeps them, and takes on the
     * catalogue's instance of its track id.
     */
    public Credits credits(Play p) {
        Credits c = p.credits;
        if (c == null) {
            // The index a reader found for the track (Play#trackIndex) spares the lookup by string.
            c = p.trackIndex >= 0 && p.trackIndex < byIndex.length ? byIndex[p.trackIndex] : matched.get(p.trackId);
            if (c != null) {
                p.credits = c;
                p.trackId = c.trackId();
            }
        }
        return c;
    }

    /** The credits of a tally's track: by its index when it has one, else by its track_id (null: unmatched). */
    public Credits credits(PlayTally t) {
        return t.trackIndex >= 0 ? byIndex[t.trackIndex] : matched.get(t.trackId);
    }

    /** The track_id of a matched track by its index ({@link Credits#index()}). */
    public String trackIdAt(int index) {
        return trackIds[index];
    }

    /** Whether a matched track, by its index, is 100 % AI ({@link Credits#fullAi()}). */
    public boolean fullAiAt(int index) {
        return fullAiAt.get(index);
    }

    /**
     * The index of a play's track: the one its reader found ({@link Play#trackIndex}) without
     * touching the credits, else through its credits; -1 when the track is unmatched.
     */
    public int indexOf(Play p) {
        if (p.trackIndex >= 0 && p.trackIndex < trackIds.length) {
            return p.trackIndex;
        }
        Credits c = credits(p);
        return c == null ? -1 : c.index();
    }

    /**
     * {@link #indexOf(String)} of the track_id in {@code len} UTF-8 bytes from {@code off}, without
     * a String when the bytes are ASCII ({@link TrackIdBytes}, built at the first call).
     */
    public int indexOf(byte[] utf8, int off, int len) {
        if (!TrackIdBytes.ascii(utf8, off, len)) {
            return indexOf(new String(utf8, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }
        TrackIdBytes index = byBytes;
        if (index == null) {
            synchronized (this) {
                index = byBytes;
                if (index == null) {
                    index = new TrackIdBytes(trackIds);
                    byBytes = index;
                }
            }
        }
        return index.indexOf(utf8, off, len);
    }

    /** The index of a matched track ({@link Credits#index()}), or -1 when the track is unmatched. */
    public int indexOf(String trackId) {
        Credits c = matched.get(trackId);
        return c == null ? -1 : c.index();
    }

    /** {@link #isrc} of a matched track by its index. */
    public String isrcAt(int index) {
        return isrcs[index];
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
