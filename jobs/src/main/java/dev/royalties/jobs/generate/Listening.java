package dev.royalties.jobs.generate;

import dev.royalties.rules.Play;
import java.util.SplittableRandom;

/** What one play looks like: who plays what, and for how long. */
final class Listening {
    /** Share of all plays made by stream-farm bots (on farm tracks, just over 30 s each). */
    static final double BOT_SHARE = 0.03;
    /** Share of human plays on tracks the catalogue does not know. */
    static final double GHOST_SHARE = 0.004;

    private final SyntheticCatalogue catalogue;
    private final Listeners listeners;
    private final String[] countries;
    private final String[] products;
    private final long indexOffset;

    Listening(SyntheticCatalogue catalogue, Listeners listeners) {
        this(catalogue, listeners, 0);
    }

    /** @param indexOffset added to every play index, so that the months of a multi-month run have distinct play ids */
    Listening(SyntheticCatalogue catalogue, Listeners listeners, long indexOffset) {
        this.indexOffset = indexOffset;
        this.catalogue = catalogue;
        this.listeners = listeners;
        this.countries = Markets.ALL.stream().map(Markets.Market::country).toArray(String[]::new);
        this.products = Markets.PRODUCTS.toArray(String[]::new);
    }

    /** Overwrites every field of p, so one Play serves a whole file. */
    void fill(Play p, long index, long playedAt, SplittableRandom rng) {
        int user;
        int track;
        int ms;
        if (rng.nextDouble() < BOT_SHARE) {
            user = listeners.bot(rng);
            int[] farm = catalogue.farmTracks;
            // Each farm account works its own track, with the odd other one to look less regular.
            track = farm[rng.nextInt(5) == 0 ? rng.nextInt(farm.length) : (user - listeners.humans) % farm.length];
            ms = 30_000 + rng.nextInt(2_001);
        } else {
            user = listeners.human(rng);
            track = rng.nextDouble() < GHOST_SHARE ? catalogue.ghostTrack(rng) : catalogue.popularTrack(rng);
            ms = humanMs(catalogue.durationMs[track], rng);
        }
        p.playId = Ids.play(index + indexOffset);
        p.origin = PlayOrigins.of(index + indexOffset, user >= listeners.humans);
        p.userId = listeners.userIds[user];
        p.trackId = catalogue.trackIds[track];
        p.playedAt = playedAt;
        p.msPlayed = ms;
        p.country = countries[listeners.market[user]];
        p.product = products[listeners.product[user]];
        p.copies = 1;
    }

    private static int humanMs(int duration, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.18) {
            return rng.nextInt(30_000); // skipped: not a stream
        }
        if (r < 0.32) {
            return 30_000 + rng.nextInt(Math.max(1, duration - 30_000)); // left part-way
        }
        if (r < 0.97) {
            return Math.max(0, duration - rng.nextInt(2_000)); // to the end
        }
        return duration + rng.nextInt(duration); // seeking back and repeats run past the duration
    }
}
