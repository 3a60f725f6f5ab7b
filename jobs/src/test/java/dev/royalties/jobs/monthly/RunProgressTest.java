package dev.royalties.jobs.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.royalties.io.ParquetInputSize;
import org.junit.jupiter.api.Test;

/** The progress line of a long monthly run: what a person watching it reads (no clocks involved). */
class RunProgressTest {
    static final ParquetInputSize MONTH = new ParquetInputSize(102, 501L << 20, 20_000_000);

    @Test
    void whileReadingItShowsTheShareTheRateAndTheTimeLeft() {
        assertThat(RunProgress.line("RUNNING", 45_000, 5_000_000, MONTH, -1)).isEqualTo(
                "  ... running for 45 s: 5.0 M of 20.0 M plays read (25 % of 501 MB), 111,111 plays/s,"
                        + " reading done in about 2 min 15 s");
    }

    @Test
    void onceEverythingIsReadItSaysWhatIsLeftToDo() {
        assertThat(RunProgress.line("RUNNING", 150_000, 20_000_000, MONTH, 120_000)).isEqualTo(
                "  ... running for 2 min 30 s: all 20.0 M plays read (501 MB) in 2 min 0 s, 166,666 plays/s;"
                        + " de-duplicating, classifying, allocating and writing");
    }

    @Test
    void beforeTheFootersAreSizedItShowsCountAndRateOnly() {
        assertThat(RunProgress.line("RUNNING", 30_000, 3_000_000, null, -1))
                .isEqualTo("  ... running for 30 s: 3.0 M plays read, 100,000 plays/s");
    }

    @Test
    void beforeTheFirstCountItMakesNoEstimate() {
        assertThat(RunProgress.line("INITIALIZING", 15_000, 0, MONTH, -1))
                .isEqualTo("  ... initializing for 15 s: 0.0 M of 20.0 M plays read (0 % of 501 MB), 0 plays/s");
    }

    @Test
    void withoutAccumulatorsItFallsBackToTheStatus() {
        assertThat(RunProgress.line("RUNNING", 15_000, -1, MONTH, -1)).isEqualTo("  ... running for 15 s");
    }

    @Test
    void longDurationsReadInHours() {
        assertThat(RunProgress.duration(59_400)).isEqualTo("59 s");
        assertThat(RunProgress.duration(3_600_000 + 25 * 60_000)).isEqualTo("1 h 25 min");
    }
}
