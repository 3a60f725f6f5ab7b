package dev.royalties.jobs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JVM's class data sharing for the embedded batch run: an archive of the classes a run loaded
 * (Flink, Parquet, this job), written by the first run at its exit and mapped by the next ones, so
 * that they skip parsing and verifying some twelve thousand classes. It saved about a second of a
 * four-second start-up (docs/performance.md); writing it costs the first run a few seconds more.
 *
 * <p>The archive is only valid for the exact JDK and class path it was made with, so its name
 * carries a digest of both (every jar's name, size and time); a rebuilt jar gets a new one and the
 * old ones are deleted. It lives in {@code cds/} beside the jar: where that cannot be written, or
 * the user passes their own sharing options, runs go on without it. The JVM's own messages about
 * the archive are switched off, since stdout may carry a command's result.
 */
final class ClassArchive {
    private static final String PREFIX = "royalties-";
    private static final String SUFFIX = ".jsa";
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path archive;
    private final Path folder;
    private Path writing;

    private ClassArchive(Path folder, Path archive) {
        this.folder = folder;
        this.archive = archive;
    }

    /** The archive for this JDK and class path, or null when the user manages sharing or the folder is not writable. */
    static ClassArchive forClassPath(Path jar, List<Path> classPath, List<String> jvmArgs) {
        if (jvmArgs.stream().anyMatch(a -> a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile")
                || a.startsWith("-XX:ArchiveClassesAtExit"))) {
            return null;
        }
        Path folder = jar.resolveSibling("cds");
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                return null;
            }
            return new ClassArchive(folder, folder.resolve(PREFIX + digest(classPath) + SUFFIX));
        } catch (IOException | RuntimeException e) {
            return null; // an optimisation: never a reason to fail a run
        }
    }

    /** The JVM options that map the archive, or that write it at the end of this run. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(QUIET);
        if (Files.isReadable(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else {
            writing = folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            options.add("-XX:ArchiveClassesAtExit=" + writing);
        }
        return options;
    }

    /** After the run: keeps an archive it wrote if it succeeded, and drops stale ones. */
    void finish(int exitCode) {
        if (writing == null) {
            return;
        }
        try {
            if (exitCode == 0 && Files.exists(writing)) {
                Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
                    for (Path p : old) {
                        if (!p.equals(archive)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            Files.deleteIfExists(writing);
        } catch (IOException | RuntimeException e) {
            // A missing archive only costs the next run its start-up time.
        }
    }

    /** The class path's jars, in the order given, and the JDK: what decides whether an archive is valid. */
    static String digest(List<Path> classPath) throws IOException {
        StringBuilder s = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n');
        for (Path p : classPath) {
            s.append(p.toAbsolutePath()).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar, then lib/'s jars sorted by name (what {@code lib/*} on the class path expands to, in a fixed order). */
    static List<Path> classPath(Path jar, Path lib) throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(jar);
        try (DirectoryStream<Path> in = Files.newDirectoryStream(lib, "*.jar")) {
            in.forEach(jars::add);
        }
        jars.subList(1, jars.size()).sort(null);
        return jars;
    }

    /** {@link #classPath} as a -cp value. */
    static String joined(List<Path> classPath) {
        return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
