package dev.royalties.jobs.live;

import dev.royalties.rules.Play;
import dev.royalties.rules.Times;
import dev.royalties.rules.Usage;
import dev.royalties.rules.Verdict;

/**
 * One Kafka message of a live topic, read but not yet validated: the parsed row (one of play,
 * usage, verdict) or the reason it could not be read, and the raw bytes as received, for the
 * quarantine. A POJO so that Flink serializes it without Kryo.
 */
public class Inbound {
    /** The archive table the topic feeds: plays, ai_usage or fraud_verdicts. */
    public String table;
    public Play play;
    public Usage usage;
    public Verdict verdict;
    /** Why the message could not be read as a row (malformed JSON, wrong type); null when it was. */
    public String unreadable;
    /** The message value as received. */
    public byte[] raw;
    /** The Kafka record timestamp (ms), or -1. */
    public long kafkaTimestamp = -1;
    /** topic-partition@offset, kept with a quarantined record so it can be found and replayed. */
    public String origin;

    public Inbound() {}

    /** The row's own event time in micros, or {@link Times#NULL}. */
    public long eventMicros() {
        if (play != null) {
            return play.playedAt;
        }
        if (usage != null) {
            return usage.usedAt;
        }
        if (verdict != null) {
            return verdict.decidedAt();
        }
        return Times.NULL;
    }
}
