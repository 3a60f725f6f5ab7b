package dev.royalties.jobs.types;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The TypeInformation of a type that always travels with one hand-written serializer (plays in
 * every job, the live path's state and events): Flink then never falls back to reflection.
 */
public final class FixedSerializerTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    public FixedSerializerTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = type;
        this.serializer = serializer;
    }

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
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FixedSerializerTypeInfo<?> i && i.type == type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(FixedSerializerTypeInfo.class, type);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof FixedSerializerTypeInfo<?>;
    }
}
