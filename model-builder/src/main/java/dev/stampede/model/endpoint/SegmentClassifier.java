package dev.stampede.model.endpoint;

/**
 * Classifies one path segment by scanning its characters once: no regular expressions, no allocation.
 * The text is already percent-decoded (one char per byte, as the log parser keeps bytes).
 */
final class SegmentClassifier {

    /** Shortest hex id: shorter all-hex words ({@code cafe}, {@code 1a2b}) stay literal. */
    private static final int MIN_HEX_LENGTH = 8;

    /** Shortest base64 token: below this, random-looking strings are too easily words. */
    private static final int MIN_TOKEN_LENGTH = 16;

    private SegmentClassifier() {}

    static SegmentClass classify(String text) {
        return classify(text, 0, text.length());
    }

    /** The class of {@code text[from, to)}. */
    static SegmentClass classify(String text, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return SegmentClass.LITERAL;
        }
        int digits = 0;
        int letters = 0;
        int lowerHex = 0;
        int upperHex = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
                lowerHex += c <= 'f' ? 1 : 0;
            } else if (isUpper(c)) {
                letters++;
                upperHex += c <= 'F' ? 1 : 0;
            }
        }
        if (digits == length) {
            return digitsOnly(text, from, length);
        }
        if (isDate(text, from, to)) {
            return SegmentClass.DATE;
        }
        if (length == 36 && isUuid(text, from)) {
            return SegmentClass.UUID;
        }
        if (isSuffixedCode(text, from, to) || isPrefixedCode(text, from, to)) {
            return SegmentClass.CODE;
        }
        if (isHex(length, digits, lowerHex, upperHex)) {
            return SegmentClass.HEX;
        }
        if (isJwt(text, from, to) || isToken(text, from, to, digits, letters)) {
            return SegmentClass.TOKEN;
        }
        if (isTicker(text, from, to)) {
            return SegmentClass.TICKER;
        }
        return SegmentClass.LITERAL;
    }

    private static SegmentClass digitsOnly(String text, int from, int length) {
        if (length == 8 && isCompactDate(text, from)) {
            return SegmentClass.DATE;
        }
        if (length == 6 && isAShareCode(text, from)) {
            return SegmentClass.CODE;
        }
        return SegmentClass.NUMBER;
    }

    /**
     * Whether six digits start like a mainland listing: Shanghai 600/601/603/605/688/689/900, Shenzhen
     * 000-004/300/301/200, Beijing 43x/83x/87x/88x/92x. Naming only: other six-digit numbers are
     * {@link SegmentClass#NUMBER}, a value all the same.
     */
    private static boolean isAShareCode(String text, int from) {
        int prefix = number(text, from, 3);
        return switch (prefix / 10) {
            case 60 -> prefix == 600 || prefix == 601 || prefix == 603 || prefix == 605;
            case 68 -> prefix == 688 || prefix == 689;
            case 0 -> prefix <= 4;
            case 30 -> prefix <= 301;
            case 43, 83, 87, 88, 92 -> true;
            default -> prefix == 900 || prefix == 200;
        };
    }

    /** {@code yyyymmdd} with a year 1900-2099 and a real day. */
    private static boolean isCompactDate(String text, int from) {
        return isValidDate(number(text, from, 4), number(text, from + 4, 2), number(text, from + 6, 2));
    }

    /** {@code yyyy-mm-dd}, optionally followed by {@code T} and a time ({@code 09:30:00.5+08:00}). */
    private static boolean isDate(String text, int from, int to) {
        int length = to - from;
        if (length < 10
                || text.charAt(from + 4) != '-'
                || text.charAt(from + 7) != '-'
                || !digits(text, from, 4)
                || !digits(text, from + 5, 2)
                || !digits(text, from + 8, 2)
                || !isValidDate(number(text, from, 4), number(text, from + 5, 2), number(text, from + 8, 2))) {
            return false;
        }
        if (length == 10) {
            return true;
        }
        if (length < 13 || text.charAt(from + 10) != 'T' || !digits(text, from + 11, 2)) {
            return false;
        }
        for (int i = from + 13; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c) && c != ':' && c != '.' && c != '+' && c != '-' && c != 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidDate(int year, int month, int day) {
        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    /** 8-4-4-4-12 hex digits. */
    private static boolean isUuid(String text, int from) {
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 600519.SH}, {@code 00700.HK}, {@code 000001.sz}: 4-6 digits, a dot, an exchange. */
    private static boolean isSuffixedCode(String text, int from, int to) {
        int dot = to - 3;
        int digitCount = dot - from;
        return digitCount >= 4
                && digitCount <= 6
                && text.charAt(dot) == '.'
                && digits(text, from, digitCount)
                && isExchange(text, dot + 1);
    }

    /** {@code sh600519}, {@code SZ000001}, {@code hk00700}: an exchange, then 5-6 digits. */
    private static boolean isPrefixedCode(String text, int from, int to) {
        int digitCount = to - from - 2;
        return digitCount >= 5 && digitCount <= 6 && isExchange(text, from) && digits(text, from + 2, digitCount);
    }

    private static boolean isExchange(String text, int at) {
        char a = Character.toUpperCase(text.charAt(at));
        char b = Character.toUpperCase(text.charAt(at + 1));
        return (a == 'S' && (b == 'H' || b == 'Z' || b == 'S')) || (a == 'H' && b == 'K') || (a == 'B' && b == 'J');
    }

    /** At least 8 hex digits, one letter case, with both digits and letters (all digits is a number). */
    private static boolean isHex(int length, int digits, int lowerHex, int upperHex) {
        if (length < MIN_HEX_LENGTH || digits == 0) {
            return false;
        }
        return (lowerHex > 0 && digits + lowerHex == length) || (upperHex > 0 && digits + upperHex == length);
    }

    /** {@code eyJ...}: three base64url parts separated by dots, the first a JSON object's encoding. */
    private static boolean isJwt(String text, int from, int to) {
        if (to - from < 20 || !text.startsWith("eyJ", from)) {
            return false;
        }
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64(c)) {
                return false;
            }
        }
        return dots == 2;
    }

    /**
     * A base64/base64url string (optional {@code =} padding) of 16 or more characters that looks random:
     * letters and digits both present, interleaved at least twice, and the character class (upper,
     * lower, digit, symbol) changing at least once every four characters. Slugs such as {@code
     * logstash-monitorama-2013} and camel-case words fail the interleaving test.
     */
    private static boolean isToken(String text, int from, int to, int digits, int letters) {
        int length = to - from;
        if (length < MIN_TOKEN_LENGTH || digits == 0 || letters == 0) {
            return false;
        }
        int end = to;
        while (end > from && to - end < 2 && text.charAt(end - 1) == '=') {
            end--;
        }
        int letterDigitChanges = 0;
        int classChanges = 0;
        int previous = -1;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (!isBase64(c)) {
                return false;
            }
            int kind = kind(c);
            if (previous >= 0 && kind != previous) {
                classChanges++;
                if ((kind == DIGIT && previous <= LOWER) || (previous == DIGIT && kind <= LOWER)) {
                    letterDigitChanges++;
                }
            }
            previous = kind;
        }
        return letterDigitChanges >= 2 && classChanges * 4 >= length;
    }

    /** 1-5 upper-case letters, optionally a class suffix after a dot or dash: {@code BRK.B}, {@code BF-B}. */
    private static boolean isTicker(String text, int from, int to) {
        int i = from;
        while (i < to && isUpper(text.charAt(i))) {
            i++;
        }
        int letters = i - from;
        if (letters < 1 || letters > 5) {
            return false;
        }
        if (i == to) {
            return true;
        }
        char separator = text.charAt(i);
        int suffix = to - i - 1;
        if ((separator != '.' && separator != '-') || suffix < 1 || suffix > 2) {
            return false;
        }
        for (int j = i + 1; j < to; j++) {
            if (!isUpper(text.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    private static final int UPPER = 0;
    private static final int LOWER = 1;
    private static final int DIGIT = 2;
    private static final int SYMBOL = 3;

    private static int kind(char c) {
        if (isUpper(c)) {
            return UPPER;
        }
        if (c >= 'a' && c <= 'z') {
            return LOWER;
        }
        return isDigit(c) ? DIGIT : SYMBOL;
    }

    private static boolean isBase64(char c) {
        return isUpper(c)
                || (c >= 'a' && c <= 'z')
                || isDigit(c)
                || c == '-'
                || c == '_'
                || c == '+'
                || c == '/'
                || c == '=';
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code count} digits at {@code from} (the caller has checked they are digits). */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
