package dev.royalties.jobs.live;

import dev.royalties.rules.Times;
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

    /** The event time of a row, in micros since the epoch, or Long.MIN_VALUE. */
    @FunctionalInterface
    public interface EventTime<T> extends Serializable {
        long micros(T row);
    }

    private final EventTime<T> time;
    /** The folder of the last day seen: rows come mostly in day order, one string per day, not per row. */
    private transient int lastDay;
    private transient String lastFolder;

    public EventDayBuckets(EventTime<T> time) {
        this.time = time;
    }

    @Override
    public String getBucketId(T element, Context context) {
        long micros = time.micros(element);
        if (micros == Times.NULL) {
            return dayFolder(micros);
        }
        int day = Times.utcDay(micros);
        if (lastFolder == null || day != lastDay) {
            lastFolder = dayFolder(micros);
            lastDay = day;
        }
        return lastFolder;
    }

    public static String dayFolder(long micros) {
        if (micros == Times.NULL) {
            return "dt=unknown";
        }
        return "dt=" + LocalDate.ofEpochDay(Times.utcDay(micros));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
