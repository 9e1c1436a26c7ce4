package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.format.ClfTime;

/** nginx's {@code $time_iso8601}: {@code 2026-11-21T14:42:01+00:00}, parsed by hand like {@link ClfTime}. */
final class Iso8601 {

    private static final int LENGTH = 25;

    private Iso8601() {}

    /** Epoch µs of {@code text[start, end)}, or {@link Long#MIN_VALUE}. */
    static long parseMicros(String text, int start, int end) {
        if (end - start != LENGTH) {
            return Long.MIN_VALUE;
        }
        int year = digits(text, start, 4);
        int month = digits(text, start + 5, 2);
        int day = digits(text, start + 8, 2);
        int hour = digits(text, start + 11, 2);
        int minute = digits(text, start + 14, 2);
        int second = digits(text, start + 17, 2);
        char sign = text.charAt(start + 19);
        int offsetHours = digits(text, start + 20, 2);
        int offsetMinutes = digits(text, start + 23, 2);
        boolean shape = text.charAt(start + 4) == '-'
                && text.charAt(start + 7) == '-'
                && text.charAt(start + 10) == 'T'
                && text.charAt(start + 13) == ':'
                && text.charAt(start + 16) == ':'
                && text.charAt(start + 22) == ':'
                && (sign == '+' || sign == '-');
        if (!shape
                || (year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 60) {
            return Long.MIN_VALUE;
        }
        long offset = (offsetHours * 3600L + offsetMinutes * 60L) * (sign == '-' ? -1 : 1);
        return (ClfTime.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset)
                * 1_000_000L;
    }

    private static int digits(String text, int start, int count) {
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
}
