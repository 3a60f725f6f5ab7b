package dev.royalties.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.royalties.jobs.cli.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `bench --variant NAME=ARGS`: how a variant's words split between the JVM and `monthly`. */
class BenchVariantTest {
    @Test
    void monthlyOptionsAndJvmOptionsAreTold() {
        BenchVariant v = BenchVariant.parse("p2-cap100-2g=-Xmx2g --parallelism 2 --user-monthly-cap=100");
        assertThat(v.name()).isEqualTo("p2-cap100-2g");
        assertThat(v.jvmOptions()).containsExactly("-Xmx2g");
        assertThat(v.monthlyOptions()).containsExactly("--parallelism", "2", "--user-monthly-cap=100");
        assertThat(v.parallelism()).isEqualTo(2);
        assertThat(v.option("--user-monthly-cap")).isEqualTo("100");
    }

    @Test
    void aVariantWithoutArgsRunsTheDefaults() {
        BenchVariant v = BenchVariant.parse("defaults=");
        assertThat(v.monthlyOptions()).isEmpty();
        assertThat(v.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theGridKeepsTodaysCrossProduct() {
        List<BenchVariant> grid = BenchVariant.grid("1,2", "0,1000");
        assertThat(grid).extracting(BenchVariant::name).containsExactly("p1-nocap", "p1-cap1000", "p2-nocap",
                "p2-cap1000");
        assertThat(grid.get(3).monthlyOptions()).containsExactly("--parallelism", "2", "--user-monthly-cap", "1000");
    }

    @Test
    void theBenchsOwnOptionsAndBadNamesAreRefused() {
        assertThatThrownBy(() -> BenchVariant.parse("x=--input /elsewhere")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--input is set by the bench");
        assertThatThrownBy(() -> BenchVariant.parse("a/b=--parallelism 1")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> BenchVariant.parse("--parallelism 1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("NAME=ARGS");
        assertThatThrownBy(() -> BenchVariant.grid("two", "0")).isInstanceOf(UsageException.class);
    }
}
