package dev.royalties.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Local folders removed whole. No Flink here: the launcher uses it before Flink is on the class path. */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes a folder and everything in it, deepest first. */
    public static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
