package dev.royalties.rules;

import static dev.royalties.rules.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Spec §1: a period is a UTC calendar month, [first day 00:00Z, first day of next month 00:00Z). */
class PeriodTest {

    @Test
    void windowIsHalfOpenOnTheMonth() {
        Period oct = Period.parse("2026-10");
        assertThat(oct.startMicros()).isEqualTo(t("2026-10-01T00:00:00Z"));
        assertThat(oct.endMicros()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(oct.contains(t("2026-10-01T00:00:00Z"))).isTrue();
        assertThat(oct.contains(t("2026-10-31T23:59:59.999999Z"))).isTrue();
        assertThat(oct.contains(t("2026-09-30T23:59:59.999999Z"))).isFalse();
        assertThat(oct.contains(t("2026-11-01T00:00:00Z"))).isFalse();
        assertThat(oct).hasToString("2026-10");
    }

    @Test
    void aNullTimestampIsInNoPeriod() {
        assertThat(Period.parse("2026-10").contains(Times.NULL)).isFalse();
    }

    @Test
    void instantsAtTheEndsOfTheLongsAreInNoPeriodHoweverTheDifferencesOverflow() {
        Period oct = Period.parse("2026-10");
        for (long at : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, Long.MAX_VALUE - 1, Long.MAX_VALUE,
            oct.startMicros() - 1, oct.endMicros()}) {
            assertThat(oct.contains(at)).as("%d", at).isFalse();
        }
        assertThat(oct.within(oct.startMicros())).isNotNegative();
        assertThat(oct.within(oct.endMicros() - 1)).isNotNegative();
    }

    @Test
    void decemberEndsAtTheNextNewYearAndFebruaryKnowsLeapYears() {
        assertThat(Period.parse("2026-12").endMicros()).isEqualTo(t("2027-01-01T00:00:00Z"));
        assertThat(Period.parse("2028-02").contains(t("2028-02-29T12:00:00Z"))).isTrue();
        assertThat(Period.parse("2027-02").endMicros()).isEqualTo(t("2027-03-01T00:00:00Z"));
    }

    @Test
    void periodsBeforeTheEpochWork() {
        Period p = Period.parse("1969-12");
        assertThat(p.contains(t("1969-12-31T23:59:59.999999Z"))).isTrue();
        assertThat(p.contains(t("1970-01-01T00:00:00Z"))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01", " 2026-10", "２０２６-10"})
    void malformedPeriodsAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(text)).withMessageContaining("YYYY-MM");
    }

    @Test
    void periodsAreEqualByText() {
        assertThat(Period.parse("2026-10")).isEqualTo(Period.parse("2026-10")).hasSameHashCodeAs(Period.parse("2026-10"))
                .isNotEqualTo(Period.parse("2026-11"));
    }
}
