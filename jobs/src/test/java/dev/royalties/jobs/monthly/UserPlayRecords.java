package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.jobs.types.UserPlayRecordSerializer;
import dev.royalties.rules.Play;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Plays as the per-user stage receives them: sent through {@link UserPlayRecordSerializer} and read back. */
final class UserPlayRecords {
    private UserPlayRecords() {}

    static UserPlayRecord received(Play p) {
        return received(ShuffleKeys.hash(p.userId), p);
    }

    static UserPlayRecord received(long userHash, Play p) {
        try {
            UserPlayRecordSerializer s = new UserPlayRecordSerializer();
            DataOutputSerializer out = new DataOutputSerializer(128);
            s.serialize(UserPlayRecord.of(userHash, 0L, p), out);
            return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
