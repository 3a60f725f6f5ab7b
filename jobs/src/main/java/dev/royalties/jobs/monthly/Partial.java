package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiTally;
import dev.royalties.rules.ArtistListeners;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.PoolCents;
import dev.royalties.rules.TrackListening;

/**
 * What workers send to the allocation, each already combined per worker: a play tally, an AI
 * tally, a track's listening (track_history), an artist's listeners (artist-centric), cents paid
 * by users' parts (user-centric), or a named counter for the run summary. Exactly one is set.
 */
public class Partial {
    public PlayTally play;
    public AiTally ai;
    public TrackListening track;
    public ArtistListeners listeners;
    public PoolCents poolCents;
    public String counter;
    public long value;

    public Partial() {}

    static Partial of(PlayTally t) {
        Partial p = new Partial();
        p.play = t;
        return p;
    }

    static Partial of(AiTally t) {
        Partial p = new Partial();
        p.ai = t;
        return p;
    }

    static Partial of(TrackListening t) {
        Partial p = new Partial();
        p.track = t;
        return p;
    }

    static Partial of(ArtistListeners l) {
        Partial p = new Partial();
        p.listeners = l;
        return p;
    }

    static Partial of(PoolCents c) {
        Partial p = new Partial();
        p.poolCents = c;
        return p;
    }

    static Partial counter(String name, long value) {
        Partial p = new Partial();
        p.counter = name;
        p.value = value;
        return p;
    }
}
