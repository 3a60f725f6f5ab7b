package dev.royalties.rules;

import java.math.BigDecimal;

/** Amounts are long cents inside the engine; DECIMAL(18,2) at its edges. */
public final class Money {
    private Money() {}

    public static BigDecimal decimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public static String format(long cents) {
        return decimal(cents).toPlainString();
    }

    /** Exact conversion of a decimal amount to cents; more than two decimals is an error. */
    public static long cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
