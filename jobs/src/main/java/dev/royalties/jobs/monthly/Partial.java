package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiTally;
import dev.royalties.rules.ArtistListeners;
import dev.royalties.rules.CatalogueLedger;
import dev.royalties.rules.PlayTally;
import dev.royalties.rules.PoolCents;
import dev.royalties.rules.TallyRun;
import dev.royalties.rules.TrackListening;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What workers send to the allocation, each already combined per worker: a run of a pool's play
 * counts by catalogue track, a batch of play tallies of other tracks, an AI tally, a track's
 * listening (track_history), an artist's listeners (artist-centric), cents paid by users' parts
 * (user-centric), or a named counter for the run summary. Exactly one is set.
 */
public class Partial {
    /**
     * Play tallies per batch: a worker sends its whole ledger (about two million tallies a worker in
     * a 20 M month), and one network record per tally cost the allocation's single thread Flink's
     * record handling for each of them (issue 10).
     */
    static final int BATCH = 512;

    public TallyRun run;
    public PlayTally[] plays;
    public AiTally ai;
    public TrackListening track;
    public ArtistListeners listeners;
    public PoolCents poolCents;
    public String counter;
    public long value;

    public Partial() {}

    /** A worker's whole ledger: runs of at most {@link #BATCH} catalogue tracks, then the other tallies' batches. */
    static void send(CatalogueLedger ledger, Consumer<Partial> out) {
        ledger.send(BATCH, run -> {
            Partial p = new Partial();
            p.run = run;
            out.accept(p);
        }, others -> batched(others).forEach(out));
    }

    /** The tallies in batches of at most {@link #BATCH}, in their order. */
    static List<Partial> batched(List<PlayTally> tallies) {
        List<Partial> out = new ArrayList<>((tallies.size() + BATCH - 1) / BATCH);
        for (int from = 0; from < tallies.size(); from += BATCH) {
            Partial p = new Partial();
            p.plays = tallies.subList(from, Math.min(tallies.size(), from + BATCH)).toArray(new PlayTally[0]);
            out.add(p);
        }
        return out;
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
