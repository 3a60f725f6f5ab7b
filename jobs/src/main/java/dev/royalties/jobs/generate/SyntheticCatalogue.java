package dev.royalties.jobs.generate;

import dev.royalties.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tracks people play. Indices [0, tracks) are in the `tracks` table; [tracks, tracks+ghosts)
 * are played but missing from it (half of those still have rights rows, which the contract
 * allows). Popularity is Zipf-like over a shuffled ranking. A few tracks have no rights rows, a
 * few are fully AI-made, and a handful are stream-farm targets.
 */
final class SyntheticCatalogue {
    static final String[] AI_CONTENT = {"none", "assisted", "full"};
    static final byte NONE = 0;
    static final byte ASSISTED = 1;
    static final byte FULL = 2;
    private static final double ZIPF_EXPONENT = 0.9;

    final int tracks;
    final int ghosts;
    final int artists;
    final String[] trackIds;
    final String[] artistIds;
    final int[] durationMs;
    final byte[] aiContent;
    final boolean[] hasRights;
    final int[] farmTracks;
    /** Rights in compressed rows: track t's artists are rightsArtist[rightsStart[t] .. rightsStart[t+1]). */
    final int[] rightsStart;
    final int[] rightsArtist;
    final int[] rightsShare;
    private final int[] trackByRank;
    private final WeightedSampler popularity;

    private SyntheticCatalogue(Scale scale, SplittableRandom rng) {
        tracks = scale.tracks();
        ghosts = scale.ghostTracks();
        artists = scale.artists();
        int all = tracks + ghosts;
        trackIds = new String[all];
        durationMs = new int[all];
        for (int t = 0; t < all; t++) {
            trackIds[t] = Ids.track(t);
            // Triangular between 1.5 and 5.5 minutes, with the odd long track.
            durationMs[t] = 90_000 + rng.nextInt(120_000) + rng.nextInt(120_000)
                    + (rng.nextInt(100) == 0 ? rng.nextInt(400_000) : 0);
        }
        artistIds = new String[artists];
        for (int a = 0; a < artists; a++) {
            artistIds[a] = Ids.artist(a);
        }

        trackByRank = new int[tracks];
        for (int t = 0; t < tracks; t++) {
            trackByRank[t] = t;
        }
        for (int i = tracks - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int x = trackByRank[i];
            trackByRank[i] = trackByRank[j];
            trackByRank[j] = x;
        }
        double[] weights = new double[tracks];
        for (int r = 0; r < tracks; r++) {
            weights[r] = 1.0 / StrictMath.pow(r + 1, ZIPF_EXPONENT);
        }
        popularity = new WeightedSampler(weights);

        aiContent = new byte[tracks];
        for (int t = 0; t < tracks; t++) {
            double r = rng.nextDouble();
            aiContent[t] = r < 0.02 ? FULL : r < 0.10 ? ASSISTED : NONE;
        }

        farmTracks = new int[scale.farmTracks()];
        boolean[] taken = new boolean[tracks];
        for (int j = 0; j < farmTracks.length; j++) {
            int t = fromTail(rng, tracks / 4, taken);
            farmTracks[j] = t;
            if (j % 2 == 0) {
                // Industrial AI filler: barely longer than the 30 s that makes a stream.
                aiContent[t] = FULL;
                durationMs[t] = 31_000 + rng.nextInt(4_000);
            } else {
                aiContent[t] = NONE;
            }
        }

        hasRights = new boolean[all];
        for (int t = 0; t < all; t++) {
            hasRights[t] = t < tracks || t < tracks + ghosts / 2 + 1;
        }
        int withoutRights = Math.max(2, tracks / 100);
        for (int i = 0; i < withoutRights; i++) {
            hasRights[fromTail(rng, Math.max(1, tracks / 100), taken)] = false;
        }

        rightsStart = new int[all + 1];
        List<int[]> splits = new ArrayList<>(all);
        int rows = 0;
        for (int t = 0; t < all; t++) {
            // The second most played track is always split in thirds, so rounding is exercised at every size.
            int[] split = !hasRights[t] ? new int[0]
                    : t == trackByRank[1] ? RightsSplits.thirds() : RightsSplits.draw(rng);
            splits.add(split);
            rightsStart[t] = rows;
            rows += split.length;
        }
        rightsStart[all] = rows;
        rightsArtist = new int[rows];
        rightsShare = new int[rows];
        for (int t = 0; t < all; t++) {
            int[] split = splits.get(t);
            int from = rightsStart[t];
            for (int k = 0; k < split.length; k++) {
                rightsArtist[from + k] = distinctArtist(rng, from, k);
                rightsShare[from + k] = split[k];
            }
        }
    }

    static SyntheticCatalogue build(Scale scale, SplittableRandom rng) {
        return new SyntheticCatalogue(scale, rng);
    }

    /** A track ranked below `fromRank` in popularity that no other role has taken yet. */
    private int fromTail(SplittableRandom rng, int fromRank, boolean[] taken) {
        while (true) {
            int t = trackByRank[fromRank + rng.nextInt(tracks - fromRank)];
            if (!taken[t]) {
                taken[t] = true;
                return t;
            }
        }
    }

    private int distinctArtist(SplittableRandom rng, int from, int k) {
        while (true) {
            int a = rng.nextInt(artists);
            boolean clash = false;
            for (int i = 0; i < k; i++) {
                clash |= rightsArtist[from + i] == a;
            }
            if (!clash) {
                return a;
            }
        }
    }

    int popularTrack(SplittableRandom rng) {
        return trackByRank[popularity.sample(rng)];
    }

    int ghostTrack(SplittableRandom rng) {
        return tracks + rng.nextInt(ghosts);
    }

    List<Catalogue.Track> trackRows() {
        List<Catalogue.Track> rows = new ArrayList<>(tracks);
        for (int t = 0; t < tracks; t++) {
            // A plausible but fictional ISRC: QZ is the code range reserved for assignments like this.
            rows.add(new Catalogue.Track(trackIds[t], Ids.fixed("QZX", t, 9), durationMs[t],
                    AI_CONTENT[aiContent[t]]));
        }
        return rows;
    }

    List<Catalogue.Right> rightRows() {
        List<Catalogue.Right> rows = new ArrayList<>(rightsArtist.length);
        for (int t = 0; t < tracks + ghosts; t++) {
            for (int i = rightsStart[t]; i < rightsStart[t + 1]; i++) {
                rows.add(new Catalogue.Right(trackIds[t], artistIds[rightsArtist[i]], (long) rightsShare[i]));
            }
        }
        return rows;
    }
}
