package dev.royalties.jobs.monthly;

import dev.royalties.rules.AiTally;
import dev.royalties.rules.PlayTally;

/**
 * What workers send to the allocation: a play tally, an AI tally, or a named counter for the run
 * summary and the manifest. Exactly one of the three is set.
 */
public class Partial {
    public PlayTally play;
    public AiTally ai;
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

    static Partial counter(String name, long value) {
        Partial p = new Partial();
        p.counter = name;
        p.value = value;
        return p;
    }
}
