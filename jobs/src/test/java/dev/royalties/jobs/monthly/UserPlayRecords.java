package dev.royalties.jobs.monthly;

import dev.royalties.jobs.types.UserPlayBlock;
import dev.royalties.jobs.types.UserPlayBlockSerializer;
import dev.royalties.jobs.types.UserPlayRecord;
import dev.royalties.jobs.types.UserPlayRecordSerializer;
import dev.royalties.rules.Play;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Plays as the per-user stage receives them: packed into blocks for one worker by
 * {@link UserPlayPacker}, sent through {@link UserPlayBlockSerializer} and read back. Every other
 * play is packed from its bytes (as the columnar reader hands plays over), the rest from the object.
 */
final class UserPlayRecords {
    /** Small blocks, so that a few plays already make several. */
    private static final int BLOCK_BYTES = 1 << 10;

    private UserPlayRecords() {}

    static List<UserPlayBlock> received(List<Play> plays) {
        List<UserPlayBlock> blocks = new ArrayList<>();
        try {
            UserPlayPacker packer = new UserPlayPacker(1, BLOCK_BYTES, b -> blocks.add(sent(b)));
            for (int i = 0; i < plays.size(); i++) {
                Play p = plays.get(i);
                UserPlayRecord r = UserPlayRecord.of(ShuffleKeys.hash(p.userId), ShuffleKeys.hash(p.playId), p);
                packer.add(i % 2 == 0 ? asBytes(r) : r);
            }
            packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blocks;
    }

    /** The record as a columnar reader hands it over: the play's bytes, no object. */
    private static UserPlayRecord asBytes(UserPlayRecord r) throws IOException {
        UserPlayRecordSerializer s = new UserPlayRecordSerializer();
        DataOutputSerializer out = new DataOutputSerializer(128);
        s.serialize(r, out);
        UserPlayRecord read = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        return UserPlayRecord.written(read.userHash, r.playHash, read.bytes);
    }

    private static UserPlayBlock sent(UserPlayBlock b) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(b.length + 16);
        UserPlayBlockSerializer.INSTANCE.serialize(b, out);
        return UserPlayBlockSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
