package dev.royalties.jobs.monthly;

import dev.royalties.rules.SharedReference;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.InstantiationUtil;

/**
 * Ships the run's reference indexes once instead of inside every operator that holds them
 * ({@link SharedReference}): the driver writes each into the run's staging folder, which every
 * task manager already reaches (the output sinks write there), and pins it. The embedded run's
 * workers resolve the pin to the driver's own instance; a cluster's task managers read the file
 * once each. Staging is discarded after the run, with these files.
 */
final class StagedReference implements SharedReference.Loader {
    private static final long serialVersionUID = 1L;
    private final String file;

    private StagedReference(String file) {
        this.file = file;
    }

    /**
     * Writes and pins each object until the returned pin is closed.
     *
     * @param embedded the job runs in this JVM (a MiniCluster): its handles resolve to the pinned
     *                 instances, so nothing is written (Java serialization of the catalogue and the
     *                 indexes was a third of a second of the embedded run's start-up)
     */
    static AutoCloseable pinAll(Path staging, boolean embedded, Object... objects) throws IOException {
        List<SharedReference.Pin> pins = new ArrayList<>();
        try {
            for (int i = 0; i < objects.length; i++) {
                if (embedded) {
                    pins.add(SharedReference.pin(objects[i], new InThisJvm(objects[i].getClass().getSimpleName())));
                    continue;
                }
                Path path = new Path(staging, "_reference/" + i + "-" + objects[i].getClass().getSimpleName() + ".ser");
                // Written before the pin: pinned, the object would write itself as a handle.
                try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(
                        path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE), 1 << 16))) {
                    out.writeObject(objects[i]);
                }
                pins.add(SharedReference.pin(objects[i], new StagedReference(path.toString())));
            }
        } catch (IOException | RuntimeException e) {
            pins.forEach(SharedReference.Pin::close);
            throw e;
        }
        return () -> pins.forEach(SharedReference.Pin::close);
    }

    /** The loader of an embedded run's pins: only another JVM would ask it, and none runs the job. */
    private record InThisJvm(String what) implements SharedReference.Loader {
        @Override
        public Object load() throws IOException {
            throw new IOException("the " + what + " of this run was pinned in the JVM that started it and not"
                    + " staged for others: the job ran outside the embedded MiniCluster");
        }
    }

    @Override
    public Object load() throws IOException {
        Path path = new Path(file);
        try (InputStream in = new BufferedInputStream(path.getFileSystem().open(path), 1 << 16);
             // The job's class loader, not whichever one ObjectInputStream would guess on a task manager.
             ObjectInputStream objects = new InstantiationUtil.ClassLoaderObjectInputStream(in,
                     StagedReference.class.getClassLoader())) {
            return objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
