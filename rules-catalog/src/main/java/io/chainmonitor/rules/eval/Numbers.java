package io.chainmonitor.rules.eval;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as people read them in a summary: at most four significant digits, no trailing zeros, no exponent. */
final class Numbers {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A signed percentage such as +72.5% or -60%. */
    static String percent(double value) {
        return (value >= 0 ? "+" : "") + format(value) + "%";
    }
}
