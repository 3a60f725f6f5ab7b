package dev.royalties.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void asksForHugePagesOnlyWhereTheKernelGivesThemOnRequest() {
        assertThat(Launcher.madviseHugePages("always [madvise] never\n")).isTrue();
        assertThat(Launcher.madviseHugePages("[always] madvise never\n")).isFalse(); // the heap gets them anyway
        assertThat(Launcher.madviseHugePages("always madvise [never]\n")).isFalse();
        assertThat(Launcher.madviseHugePages(null)).isFalse(); // no such file: not Linux
    }
}
