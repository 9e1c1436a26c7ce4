package dev.stampede.engine.source;

import java.util.random.RandomGenerator;

/**
 * Values of the same shape as a given one, for the share of a slot's traffic whose values the data pool
 * did not keep (its {@code <tail>} row): the pool's own rule is that the tail must not be spread over the
 * kept values, or caches would look warmer than in production. The varying part of a value is its
 * longest run of hex digits that holds a decimal digit ({@code 600519}, the 16 hex digits of {@code
 * tok_user_3f9a1c2b4d5e6f70}, the {@code 042} of {@code user042}), else its last run of letters ({@code
 * AAPL}); that run keeps its first character and the rest is drawn again from the same class (decimal
 * digits stay decimal, hex stays hex of the same case, letters stay letters of the same case). So a
 * Shanghai code stays a six-digit code starting with 6, a token stays a token. A fresh value may
 * happen to equal a kept one, and may name nothing on the server (a 404 where production had a cold
 * hit): that is the price of not warming caches. A value with nothing to vary is returned as it is.
 */
final class FreshValues {

    private FreshValues() {}

    /** A value shaped like {@code template}. */
    static String like(String template, RandomGenerator random) {
        int[] run = digitRun(template);
        boolean hex = false;
        if (run == null) {
            run = letterRun(template);
            if (run == null) {
                return template;
            }
        } else {
            for (int i = run[0]; i < run[1]; i++) {
                hex |= !isDigit(template.charAt(i));
            }
        }
        char[] chars = template.toCharArray();
        int from = run[1] - run[0] > 1 ? run[0] + 1 : run[0];
        for (int i = from; i < run[1]; i++) {
            chars[i] = redraw(chars[i], hex, random);
        }
        return new String(chars);
    }

    private static char redraw(char c, boolean hex, RandomGenerator random) {
        if (hex) {
            boolean upper = c >= 'A' && c <= 'F';
            int digit = random.nextInt(16);
            return digit < 10 ? (char) ('0' + digit) : (char) ((upper ? 'A' : 'a') + digit - 10);
        }
        if (isDigit(c)) {
            return (char) ('0' + random.nextInt(10));
        }
        return (char) ((c >= 'A' && c <= 'Z' ? 'A' : 'a') + random.nextInt(26));
    }

    /** The longest run of hex digits with a decimal digit in it, as {start, end}, or null. */
    private static int[] digitRun(String value) {
        int[] best = null;
        int start = -1;
        boolean digit = false;
        for (int i = 0; i <= value.length(); i++) {
            boolean in = i < value.length() && isHex(value.charAt(i));
            if (in) {
                if (start < 0) {
                    start = i;
                    digit = false;
                }
                digit |= isDigit(value.charAt(i));
            } else if (start >= 0) {
                if (digit && (best == null || i - start > best[1] - best[0])) {
                    best = new int[] {start, i};
                }
                start = -1;
            }
        }
        return best;
    }

    /** The last run of ASCII letters, as {start, end}, or null. */
    private static int[] letterRun(String value) {
        int end = value.length();
        while (end > 0 && !isLetter(value.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        int start = end;
        while (start > 0 && isLetter(value.charAt(start - 1))) {
            start--;
        }
        return new int[] {start, end};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
