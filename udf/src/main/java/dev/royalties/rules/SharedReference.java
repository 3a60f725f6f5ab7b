package dev.royalties.rules;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Large read-only reference data (the catalogue, the consent and verdict indexes) that several
 * operators of one job hold. Flink writes every operator into the job graph with Java
 * serialization, twice, and every worker reads its own copy back: for a catalogue of 10 MB held by
 * four operators that was two thirds of a monthly run's start-up. While an object is pinned, its
 * {@code writeReplace} writes a small {@link Handle} in its place. In the JVM that pinned it (the
 * embedded run) the handle resolves to the very same instance; in any other JVM (a cluster's task
 * managers) it asks its {@link Loader} for the object once and shares it among that JVM's operators.
 *
 * <p>Only immutable objects may be pinned: every operator on every thread reads the one instance.
 */
public final class SharedReference {
    /** Brings a pinned object into a JVM that does not hold it. Serialized with the handle: keep it small. */
    public interface Loader extends Serializable {
        Object load() throws IOException;
    }

    private static final Map<Object, Handle> PINNED = new IdentityHashMap<>();
    private static final Map<String, Object> BY_KEY = new HashMap<>();
    /** Loaded on this JVM for a job that pinned them elsewhere; gone once no operator holds them. */
    private static final Map<String, WeakReference<Object>> LOADED = new HashMap<>();

    private SharedReference() {}

    /** Pins {@code o} until the returned pin is closed; {@code loader} must give an equal object anywhere. */
    public static synchronized Pin pin(Object o, Loader loader) {
        if (PINNED.containsKey(o)) {
            throw new IllegalStateException("already pinned: " + o.getClass().getSimpleName());
        }
        Handle h = new Handle(UUID.randomUUID().toString(), loader);
        PINNED.put(o, h);
        BY_KEY.put(h.key, o);
        return new Pin(o, h);
    }

    /** For a pinnable class's {@code writeReplace}: the handle while {@code o} is pinned, else {@code o} itself. */
    public static synchronized Object replace(Object o) {
        Handle h = PINNED.get(o);
        return h == null ? o : h;
    }

    private static Object resolve(Handle h) throws IOException {
        synchronized (SharedReference.class) {
            Object o = BY_KEY.get(h.key);
            if (o == null) {
                WeakReference<Object> loaded = LOADED.get(h.key);
                o = loaded == null ? null : loaded.get();
            }
            if (o != null) {
                return o;
            }
        }
        // Loaded outside the lock (it reads a file); two operators that race load it twice, and one copy wins.
        Object loaded = h.loader.load();
        synchronized (SharedReference.class) {
            WeakReference<Object> other = LOADED.get(h.key);
            Object winner = other == null ? null : other.get();
            if (winner != null) {
                return winner;
            }
            LOADED.values().removeIf(r -> r.get() == null);
            LOADED.put(h.key, new WeakReference<>(loaded));
            return loaded;
        }
    }

    /** Ends a pin: the object serializes in full again. */
    public static final class Pin implements AutoCloseable {
        private final Object object;
        private final Handle handle;

        private Pin(Object object, Handle handle) {
            this.object = object;
            this.handle = handle;
        }

        @Override
        public void close() {
            synchronized (SharedReference.class) {
                PINNED.remove(object);
                BY_KEY.remove(handle.key);
            }
        }
    }

    /** What a pinned object is written as. */
    static final class Handle implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final Loader loader;

        Handle(String key, Loader loader) {
            this.key = key;
            this.loader = loader;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return resolve(this);
            } catch (IOException | RuntimeException e) {
                InvalidObjectException failure = new InvalidObjectException("could not load shared reference data: " + e);
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
