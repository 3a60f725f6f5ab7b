package dev.royalties.jobs.live;

import java.nio.charset.StandardCharsets;

/**
 * A rejected live message: the table it was meant for, the message as received (UTF-8 text; bytes
 * that are not UTF-8 show as U+FFFD), why it was rejected, where it came from, and when Kafka
 * received it (the quarantine's dt= partition). Holds user_id inside {@link #record}: operational
 * data with the access rules of the input.
 */
public class Quarantined {
    public String sourceTable;
    public String record;
    public String reason;
    public String origin;
    public long kafkaTimestamp;

    public Quarantined() {}

    public static Quarantined of(Inbound in, String reason) {
        Quarantined q = new Quarantined();
        q.sourceTable = in.table;
        q.record = in.raw == null ? "" : new String(in.raw, StandardCharsets.UTF_8);
        q.reason = reason;
        q.origin = in.origin;
        q.kafkaTimestamp = in.kafkaTimestamp;
        return q;
    }

    /** Columns of the archive's quarantine files: the §9 quarantine table, plus where it came from. */
    public Object[] row() {
        return new Object[] {sourceTable, record, reason, origin};
    }

    /** The message on the quarantine topic. */
    public byte[] toJson() {
        return LiveJson.quarantine(this);
    }
}
