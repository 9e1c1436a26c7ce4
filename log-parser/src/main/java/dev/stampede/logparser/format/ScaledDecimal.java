package dev.stampede.logparser.format;

import java.nio.charset.StandardCharsets;

/**
 * Decimal numbers as logs write them ({@code 0.005}, {@code 1700000000.123}, {@code -1}, {@code 1.5E3})
 * scaled to a whole unit exactly, without going through {@code double}: {@code 0.1} seconds is 100,000
 * µs, never 99,999. Parsed by hand: durations are on every line.
 */
public final class ScaledDecimal {

    /** Returned for text that is not a decimal number, or whose scaled value does not fit a long. */
    public static final long INVALID = Long.MIN_VALUE;

    /** More significant digits than this cannot change a long result's integer part. */
    private static final int MAX_DIGITS = 18;

    private ScaledDecimal() {}

    /**
     * The number in {@code text[start, end)} times 10<sup>{@code scale}</sup>, truncated toward zero;
     * e.g. {@code parse("0.0054", 0, 6, 6)} is 5400 (seconds to µs). An optional sign, digits with an
     * optional {@code .} fraction (at least one digit in all), an optional exponent; nothing else.
     *
     * @return the scaled value, or {@link #INVALID}
     */
    public static long parse(CharSequence text, int start, int end, int scale) {
        int i = start;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int kept = 0; // significant digits in the mantissa
        int exponent = 0; // power of ten the mantissa is to be multiplied with
        int digits = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (kept < MAX_DIGITS) {
                if (mantissa != 0 || c != '0') {
                    kept++;
                }
                mantissa = mantissa * 10 + (c - '0');
                exponent -= fraction ? 1 : 0;
            } else if (!fraction) {
                exponent++; // a dropped integer digit still counts; dropped fraction digits only truncate
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        if (i < end) {
            int exponentEnd = parseExponent(text, i, end);
            if (exponentEnd == Integer.MIN_VALUE) {
                return INVALID;
            }
            exponent += exponentEnd;
        }
        long magnitude = shift(mantissa, exponent + scale);
        return magnitude == INVALID ? INVALID : negative ? -magnitude : magnitude;
    }

    /**
     * {@link #parse(CharSequence, int, int, int)} of the ISO-8859-1 bytes {@code data[start, end)}, read
     * in place.
     */
    public static long parse(byte[] data, int start, int end, int scale) {
        int i = start;
        boolean negative = false;
        if (i < end && (data[i] == '-' || data[i] == '+')) {
            negative = data[i] == '-';
            i++;
        }
        long mantissa = 0;
        int kept = 0;
        int exponent = 0;
        int digits = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            int c = data[i];
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (kept < MAX_DIGITS) {
                if (mantissa != 0 || c != '0') {
                    kept++;
                }
                mantissa = mantissa * 10 + (c - '0');
                exponent -= fraction ? 1 : 0;
            } else if (!fraction) {
                exponent++;
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        if (i < end) {
            // An exponent is rare: read it through the CharSequence version, one char per byte.
            int exponentEnd = parseExponent(new String(data, i, end - i, StandardCharsets.ISO_8859_1), 0, end - i);
            if (exponentEnd == Integer.MIN_VALUE) {
                return INVALID;
            }
            exponent += exponentEnd;
        }
        long magnitude = shift(mantissa, exponent + scale);
        return magnitude == INVALID ? INVALID : negative ? -magnitude : magnitude;
    }

    /** The whole of {@code text}, see {@link #parse(CharSequence, int, int, int)}. */
    public static long parse(CharSequence text, int scale) {
        return parse(text, 0, text.length(), scale);
    }

    /** The exponent {@code e[+-]ddd} at {@code text[start, end)}, or {@code Integer.MIN_VALUE}. */
    private static int parseExponent(CharSequence text, int start, int end) {
        int i = start;
        if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
            return Integer.MIN_VALUE;
        }
        i++;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i == end || end - i > 4) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** {@code value} times 10<sup>{@code power}</sup>, truncated, or {@link #INVALID} on overflow. */
    private static long shift(long value, int power) {
        if (value == 0) {
            return 0;
        }
        long result = value;
        for (int p = power; p < 0; p++) {
            result /= 10;
            if (result == 0) {
                return 0;
            }
        }
        for (int p = 0; p < power; p++) {
            if (result > Long.MAX_VALUE / 10) {
                return INVALID;
            }
            result *= 10;
        }
        return result;
    }
}
