package dev.royalties.jobs.types;

import dev.royalties.rules.Play;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type of plays in every job: serialised by {@link PlaySerializer}. */
public final class PlayTypeInfo extends TypeInformation<Play> {
    private static final long serialVersionUID = 1L;
    public static final PlayTypeInfo INSTANCE = new PlayTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Play> getTypeClass() {
        return Play.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Play> createSerializer(SerializerConfig config) {
        return PlaySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Play";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PlayTypeInfo;
    }

    @Override
    public int hashCode() {
        return PlayTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof PlayTypeInfo;
    }
}
