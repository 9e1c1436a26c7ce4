package dev.stampede.logparser.format;

/**
 * ISO-8601 times as logs write them ({@code 2018-07-02T22:23:00.186641Z}, {@code 2024-03-01 12:00:00},
 * {@code 2024-03-01T12:00:00.123+08:00}), parsed by hand like {@link ClfTime}: they are on every line, and
 * {@code java.time} would allocate per call. A time without an offset is taken as UTC; fraction digits
 * past microseconds are truncated.
 */
public final class IsoTime {

    /** Returned for text that is not such a time. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private IsoTime() {}

    /**
     * Epoch microseconds of {@code text[start, end)}: a date, {@code T} (or {@code t} or a space), a time of
     * day, and an optional offset ({@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}).
     *
     * @return the time, or {@link #INVALID}
     */
    public static long parseMicros(CharSequence text, int start, int end) {
        if (end - start < 16) {
            return INVALID;
        }
        char separator = text.charAt(start + 10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return INVALID;
        }
        long date = dateMicros(text, start, start + 10);
        int timeEnd = start + 11;
        while (timeEnd < end && isTimeChar(text.charAt(timeEnd))) {
            timeEnd++;
        }
        long timeOfDay = timeOfDayMicros(text, start + 11, timeEnd);
        long offset = offsetMicros(text, timeEnd, end);
        if (date == INVALID || timeOfDay == INVALID || offset == INVALID) {
            return INVALID;
        }
        return date + timeOfDay - offset;
    }

    /** The whole of {@code text}, see {@link #parseMicros(CharSequence, int, int)}. */
    public static long parseMicros(CharSequence text) {
        return parseMicros(text, 0, text.length());
    }

    /** Epoch microseconds of midnight UTC of the date {@code yyyy-MM-dd} at {@code text[start, end)}. */
    public static long dateMicros(CharSequence text, int start, int end) {
        if (end - start != 10 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-') {
            return INVALID;
        }
        int year = ClfTime.digits(text, start, 4);
        int month = ClfTime.digits(text, start + 5, 2);
        int day = ClfTime.digits(text, start + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        return ClfTime.epochDay(year, month, day) * MICROS_PER_DAY;
    }

    /**
     * Microseconds since midnight of {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fff...} (a comma
     * also separates the fraction) at {@code text[start, end)}.
     */
    public static long timeOfDayMicros(CharSequence text, int start, int end) {
        if (end - start < 5 || text.charAt(start + 2) != ':') {
            return INVALID;
        }
        int hour = ClfTime.digits(text, start, 2);
        int minute = ClfTime.digits(text, start + 3, 2);
        int second = 0;
        long fraction = 0;
        if (end - start > 5) {
            if (end - start < 8 || text.charAt(start + 5) != ':') {
                return INVALID;
            }
            second = ClfTime.digits(text, start + 6, 2);
            fraction = fractionMicros(text, start + 8, end);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || fraction < 0) {
            return INVALID;
        }
        return (hour * 3600L + minute * 60L + second) * 1_000_000L + fraction;
    }

    /** {@code .ddd...} to microseconds (truncated); nothing is 0; else -1. */
    private static long fractionMicros(CharSequence text, int start, int end) {
        if (start == end) {
            return 0;
        }
        if (text.charAt(start) != '.' && text.charAt(start) != ',' || end - start < 2) {
            return -1;
        }
        long micros = 0;
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (i - start <= 6) {
                micros = micros * 10 + (c - '0');
            }
        }
        for (int i = end - start - 1; i < 6; i++) {
            micros *= 10;
        }
        return micros;
    }

    /** The offset at {@code text[start, end)} in microseconds east of UTC; nothing is UTC. */
    private static long offsetMicros(CharSequence text, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return 0;
        }
        char sign = text.charAt(start);
        if (sign == 'Z' || sign == 'z') {
            return length == 1 ? 0 : INVALID;
        }
        if (sign != '+' && sign != '-' || (length != 3 && length != 5 && length != 6)) {
            return INVALID;
        }
        int hours = ClfTime.digits(text, start + 1, 2);
        int minutesAt = length == 6 ? start + 4 : start + 3;
        if (length == 6 && text.charAt(start + 3) != ':') {
            return INVALID;
        }
        int minutes = length == 3 ? 0 : ClfTime.digits(text, minutesAt, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return INVALID;
        }
        long micros = (hours * 3600L + minutes * 60L) * 1_000_000L;
        return sign == '-' ? -micros : micros;
    }

    private static boolean isTimeChar(char c) {
        return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',';
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
