package dev.royalties.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Spec §8: amounts are exact; long cents inside, DECIMAL(18,2) at the edges. */
class MoneyTest {

    @Test
    void centsToDecimalIsExactWithTwoDecimals() {
        assertThat(Money.decimal(1)).isEqualTo(new BigDecimal("0.01")); // equals() compares the scale too
        assertThat(Money.decimal(100).scale()).isEqualTo(2);
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(-5)).isEqualTo("-0.05");
        // The largest DECIMAL(18,2): 16 integer digits.
        assertThat(Money.format(999_999_999_999_999_999L)).isEqualTo("9999999999999999.99");
    }

    @Test
    void decimalToCentsIsExact() {
        assertThat(Money.cents(new BigDecimal("12.3"))).isEqualTo(1_230);
        assertThat(Money.cents(new BigDecimal("12.30"))).isEqualTo(1_230);
        assertThat(Money.cents(new BigDecimal("12"))).isEqualTo(1_200);
        assertThat(Money.cents(new BigDecimal("1.200000"))).isEqualTo(120);
        assertThat(Money.cents(new BigDecimal("-0.01"))).isEqualTo(-1);
        assertThat(Money.cents(new BigDecimal("9999999999999999.99"))).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void moreThanTwoSignificantDecimalsIsAnErrorNotARounding() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.cents(new BigDecimal("0.005")));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.cents(new BigDecimal("99999999999999999999.00")));
    }
}
