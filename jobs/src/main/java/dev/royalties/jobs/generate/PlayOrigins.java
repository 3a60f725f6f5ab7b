package dev.royalties.jobs.generate;

/**
 * How a generated play was started (the optional `origin` column): a realistic mix, derived from
 * the play's index by a hash rather than from the file's random stream, so that adding the column
 * left every other generated value as it was. Stream-farm bots loop their own playlists.
 */
final class PlayOrigins {
    private PlayOrigins() {}

    static String of(long index, boolean bot) {
        if (bot) {
            return "user_playlist";
        }
        long h = index * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        int pct = (int) Math.floorMod(h ^ (h >>> 29), 100L);
        // 45 % active (search 10, library 20, own playlists 15), 53 % suggested, 2 % old clients without it.
        if (pct < 10) {
            return "search";
        } else if (pct < 30) {
            return "library";
        } else if (pct < 45) {
            return "user_playlist";
        } else if (pct < 75) {
            return "algorithmic";
        } else if (pct < 90) {
            return "editorial";
        } else if (pct < 98) {
            return "radio";
        }
        return null;
    }
}
