package dev.stampede.logparser.format;

/**
 * The Common Log Format time, {@code 10/Oct/2000:13:55:36 -0700} (nginx {@code $time_local}, Apache
 * {@code %t} without brackets), parsed by hand: it is on every line, and {@code java.time} would
 * allocate per call.
 */
public final class ClfTime {

    /** Returned for text that is not a CLF time. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Length of a CLF time: {@code dd/MMM/yyyy:HH:mm:ss +hhmm}. */
    public static final int LENGTH = 26;

    private ClfTime() {}

    /** Epoch microseconds of the CLF time at {@code text[start, start + 26)}, or {@link #INVALID}. */
    public static long parseMicros(CharSequence text, int start) {
        if (start < 0 || start + LENGTH > text.length()) {
            return INVALID;
        }
        char sign = text.charAt(start + 21);
        boolean separators = text.charAt(start + 2) == '/'
                && text.charAt(start + 6) == '/'
                && text.charAt(start + 11) == ':'
                && text.charAt(start + 14) == ':'
                && text.charAt(start + 17) == ':'
                && text.charAt(start + 20) == ' '
                && (sign == '+' || sign == '-');
        if (!separators) {
            return INVALID;
        }
        return micros(
                digits(text, start, 2),
                month(text.charAt(start + 3), text.charAt(start + 4), text.charAt(start + 5)),
                digits(text, start + 7, 4),
                digits(text, start + 12, 2),
                digits(text, start + 15, 2),
                digits(text, start + 18, 2),
                sign == '-',
                digits(text, start + 22, 2),
                digits(text, start + 24, 2));
    }

    /**
     * {@link #parseMicros(CharSequence, int)} of the ISO-8859-1 bytes {@code data[start, start + 26)},
     * read in place.
     */
    public static long parseMicros(byte[] data, int start) {
        if (start < 0 || start + LENGTH > data.length) {
            return INVALID;
        }
        byte sign = data[start + 21];
        boolean separators = data[start + 2] == '/'
                && data[start + 6] == '/'
                && data[start + 11] == ':'
                && data[start + 14] == ':'
                && data[start + 17] == ':'
                && data[start + 20] == ' '
                && (sign == '+' || sign == '-');
        if (!separators) {
            return INVALID;
        }
        return micros(
                digits(data, start, 2),
                month((char) data[start + 3], (char) data[start + 4], (char) data[start + 5]),
                digits(data, start + 7, 4),
                digits(data, start + 12, 2),
                digits(data, start + 15, 2),
                digits(data, start + 18, 2),
                sign == '-',
                digits(data, start + 22, 2),
                digits(data, start + 24, 2));
    }

    /** The time of the parsed fields (each -1 when it was not digits), or {@link #INVALID}. */
    private static long micros(
            int day,
            int month,
            int year,
            int hour,
            int minute,
            int second,
            boolean westOfUtc,
            int offsetHours,
            int offsetMinutes) {
        if ((day | month | year | hour | minute | second | offsetHours | offsetMinutes) < 0) {
            return INVALID;
        }
        if (day < 1
                || day > daysInMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 60
                || offsetHours > 18
                || offsetMinutes > 59) {
            return INVALID;
        }
        long offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (westOfUtc ? -1 : 1);
        long epochSeconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSeconds * 1_000_000L;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    public static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4, 6, 9, 11:
                return 30;
            default:
                return 31;
        }
    }

    /** The non-negative number in {@code count} decimal digits at {@code start}, or -1. */
    static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@link #digits(CharSequence, int, int)} of ISO-8859-1 bytes. */
    static int digits(byte[] data, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int c = data[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** 1..12 for an English three-letter month (case as logged: {@code Jan}), else -1. */
    static int month(CharSequence text, int start) {
        return month(text.charAt(start), text.charAt(start + 1), text.charAt(start + 2));
    }

    /** {@link #month(CharSequence, int)} of its three letters. */
    static int month(char a, char b, char c) {
        switch (a) {
            case 'J':
                if (b == 'a' && c == 'n') return 1;
                if (b == 'u' && c == 'n') return 6;
                if (b == 'u' && c == 'l') return 7;
                return -1;
            case 'F':
                return b == 'e' && c == 'b' ? 2 : -1;
            case 'M':
                if (b == 'a' && c == 'r') return 3;
                if (b == 'a' && c == 'y') return 5;
                return -1;
            case 'A':
                if (b == 'p' && c == 'r') return 4;
                if (b == 'u' && c == 'g') return 8;
                return -1;
            case 'S':
                return b == 'e' && c == 'p' ? 9 : -1;
            case 'O':
                return b == 'c' && c == 't' ? 10 : -1;
            case 'N':
                return b == 'o' && c == 'v' ? 11 : -1;
            case 'D':
                return b == 'e' && c == 'c' ? 12 : -1;
            default:
                return -1;
        }
    }
}
