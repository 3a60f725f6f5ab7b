package dev.royalties.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @TempDir
    Path dir;

    private Path jar() throws Exception {
        Path jar = dir.resolve("royalties.jar");
        Files.writeString(jar, "jar");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("b.jar"), "b");
        Files.writeString(lib.resolve("a.jar"), "a");
        return jar;
    }

    @Test
    void theClassPathIsTheJarThenLibsJarsInNameOrder() throws Exception {
        Path jar = jar();
        assertThat(ClassArchive.classPath(jar, dir.resolve("lib")))
                .containsExactly(jar, dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"));
    }

    @Test
    void aRebuiltJarGetsAnotherArchive() throws Exception {
        Path jar = jar();
        List<Path> cp = ClassArchive.classPath(jar, dir.resolve("lib"));
        String before = ClassArchive.digest(cp);
        assertThat(ClassArchive.digest(cp)).isEqualTo(before);
        Files.setLastModifiedTime(dir.resolve("lib/a.jar"), FileTime.fromMillis(1_000_000));
        assertThat(ClassArchive.digest(cp)).isNotEqualTo(before);
    }

    @Test
    void theFirstRunWritesTheArchiveTheNextOneMapsAndStaleOnesGo() throws Exception {
        Path jar = jar();
        List<Path> cp = ClassArchive.classPath(jar, dir.resolve("lib"));
        Path stale = Files.createDirectories(dir.resolve("cds")).resolve("royalties-0000000000000000.jsa");
        Files.writeString(stale, "old build");

        ClassArchive first = ClassArchive.forClassPath(jar, cp, List.of("-Xmx2g"));
        List<String> writing = first.jvmOptions();
        assertThat(writing).contains("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        String tmp = writing.get(writing.size() - 1);
        assertThat(tmp).startsWith("-XX:ArchiveClassesAtExit=");
        Files.writeString(Path.of(tmp.substring(tmp.indexOf('=') + 1)), "archive"); // what the JVM writes at exit
        first.finish(0);

        Path archive = dir.resolve("cds/royalties-" + ClassArchive.digest(cp) + ".jsa");
        assertThat(archive).exists();
        assertThat(stale).doesNotExist();
        assertThat(ClassArchive.forClassPath(jar, cp, List.of()).jvmOptions())
                .contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aFailedRunKeepsNoArchiveAndTheUsersOwnSharingOptionsWin() throws Exception {
        Path jar = jar();
        List<Path> cp = ClassArchive.classPath(jar, dir.resolve("lib"));
        ClassArchive run = ClassArchive.forClassPath(jar, cp, List.of());
        String tmp = run.jvmOptions().get(2);
        Files.writeString(Path.of(tmp.substring(tmp.indexOf('=') + 1)), "half an archive");
        run.finish(1);
        try (var left = Files.list(dir.resolve("cds"))) {
            assertThat(left).isEmpty();
        }
        assertThat(ClassArchive.forClassPath(jar, cp, List.of("-Xshare:off"))).isNull();
    }
}
