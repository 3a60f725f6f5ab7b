package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.ONE;
import static dev.royalties.rules.Fixtures.right;
import static dev.royalties.rules.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pinned reference data travels as a handle (issue 10, start-up): the pinning JVM gets its own
 * instance back, any other JVM loads it once through the handle's loader.
 */
class SharedReferenceTest {
    /** An operator that holds the catalogue twice, as a classifier and a ledger inside one operator do. */
    record Holder(Catalogue catalogue, Catalogue again) implements Serializable {}

    private static Catalogue catalogue() {
        List<Catalogue.Track> tracks = new ArrayList<>();
        List<Catalogue.Right> rights = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            tracks.add(track("T" + i, "none"));
            rights.add(right("T" + i, "A" + i, ONE));
        }
        return new Catalogue(tracks, rights);
    }

    /** Stands in for the staged file (by name, as small as a path): counts its loads, gives a copy made before the pin. */
    static final class CopyLoader implements SharedReference.Loader {
        static final AtomicInteger LOADS = new AtomicInteger();
        static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
        private final String file;

        CopyLoader(byte[] bytes) {
            file = "file-" + FILES.size();
            FILES.put(file, bytes);
        }

        @Override
        public Object load() throws IOException {
            LOADS.incrementAndGet();
            try {
                return read(FILES.get(file));
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
    }

    @Test
    void whilePinnedTheCatalogueIsWrittenAsASmallHandleAndReadBackAsTheSameInstance() throws Exception {
        Catalogue c = catalogue();
        int full = write(new Holder(c, c)).length;
        Holder back;
        try (SharedReference.Pin pin = SharedReference.pin(c, new CopyLoader(write(c)))) {
            byte[] pinned = write(new Holder(c, c));
            assertThat(pinned.length).isLessThan(full / 20);
            back = (Holder) read(pinned);
        }
        assertThat(back.catalogue()).isSameAs(c);
        assertThat(back.again()).isSameAs(c);
        assertThat(write(new Holder(c, c)).length).as("unpinned, written in full again").isEqualTo(full);
    }

    @Test
    void elsewhereTheHandleLoadsOnceAndEveryOperatorSharesTheLoadedCopy() throws Exception {
        Catalogue c = catalogue();
        byte[] first;
        byte[] second;
        try (SharedReference.Pin pin = SharedReference.pin(c, new CopyLoader(write(c)))) {
            first = write(new Holder(c, c));
            second = write(new Holder(c, c));
        }
        // Unpinned here: like a task manager, which never held the driver's instance.
        int before = CopyLoader.LOADS.get();
        Holder a = (Holder) read(first);
        Holder b = (Holder) read(second);
        assertThat(CopyLoader.LOADS.get() - before).isEqualTo(1);
        assertThat(a.catalogue()).isNotSameAs(c).isSameAs(b.catalogue()).isSameAs(a.again());
        assertThat(a.catalogue().matchedCount()).isEqualTo(2_000);
        assertThat(a.catalogue().credits("T7").artists()).containsExactly("A7");
    }

    @Test
    void aLoaderThatFailsFailsTheReadWithItsReason() throws Exception {
        Catalogue c = catalogue();
        byte[] handle;
        try (SharedReference.Pin pin = SharedReference.pin(c, () -> {
            throw new IOException("staging/_reference/0-Catalogue.ser is gone");
        })) {
            handle = write(c);
        }
        assertThatThrownBy(() -> read(handle)).isInstanceOf(InvalidObjectException.class)
                .hasMessageContaining("0-Catalogue.ser is gone");
    }

    @Test
    void anObjectIsPinnedOnceAtATime() {
        Catalogue c = catalogue();
        try (SharedReference.Pin pin = SharedReference.pin(c, () -> c)) {
            assertThatThrownBy(() -> SharedReference.pin(c, () -> c)).isInstanceOf(IllegalStateException.class);
        }
        SharedReference.pin(c, () -> c).close();
    }

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
