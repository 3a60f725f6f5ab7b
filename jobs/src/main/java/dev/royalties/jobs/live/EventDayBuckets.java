package dev.royalties.jobs.live;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Hive-style day folders of the archive, from each row's own event time (not the clock, not the
 * watermark): a late row lands in the folder of its day, whenever it arrives. Rows without a
 * timestamp (none reach the archive: validation rejects them) would go to dt=unknown.
 */
public final class EventDayBuckets<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** The event time of a row, in micros since the epoch, or Long.MIN_VALUE. */
    @FunctionalInterface
    public interface EventTime<T> extends Serializable {
        long micros(T row);
    }

    private final String prefix;
    private final EventTime<T> time;

    public EventDayBuckets(EventTime<T> time) {
        this("", time);
    }

    /** @param prefix a bucket path prefix such as "plays/" (for the quarantine, one sink for all tables) */
    public EventDayBuckets(String prefix, EventTime<T> time) {
        this.prefix = prefix;
        this.time = time;
    }

    @Override
    public String getBucketId(T element, Context context) {
        return prefix + dayFolder(time.micros(element));
    }

    public static String dayFolder(long micros) {
        if (micros == Long.MIN_VALUE) {
            return "dt=unknown";
        }
        return "dt=" + LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
