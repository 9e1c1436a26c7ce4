package dev.stampede.logparser.format.w3c;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.IsoTime;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;
import java.util.Arrays;

/**
 * Parses one W3C data line by the {@link FieldLayout} in force. Fields are separated by spaces (or tabs);
 * {@code -} is an empty field; in logged headers (and the cookies) {@code +} stands for a space. The
 * uri stem and query are kept as logged: a {@code +} in a query is the client's own form encoding.
 */
final class W3cEntryParser {

    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private String line;

    /**
     * Parses {@code line} into {@code record}.
     *
     * @param directiveDateMicros midnight of the last {@code #Date}, for layouts without a date field, or
     *     {@link RequestRecord#UNKNOWN}
     * @return {@code null} when parsed, else why not
     */
    Rejection parse(String line, FieldLayout layout, long directiveDateMicros, RequestRecord record) {
        this.line = line;
        int count = split();
        if (count != layout.names.length) {
            int column = count > layout.names.length ? starts[layout.names.length] + 1 : 0;
            return new Rejection(
                    Rejection.Reason.FORMAT_MISMATCH,
                    null,
                    column,
                    "the line has " + count + " fields, the #Fields directive at line " + layout.directiveLine
                            + " declares " + layout.names.length);
        }
        String missing = layout.missingRequired(directiveDateMicros != RequestRecord.UNKNOWN);
        if (missing != null) {
            return new Rejection(
                    Rejection.Reason.MISSING_FIELD,
                    missing,
                    0,
                    "the #Fields directive at line " + layout.directiveLine + " has no " + missing);
        }
        Rejection why = readTimes(layout, directiveDateMicros, record);
        if (why == null) {
            why = readRequest(layout, record);
        }
        if (why == null) {
            why = readResponse(layout, record);
        }
        if (why == null) {
            readClient(layout, record);
        }
        return why;
    }

    /** date and time are UTC and mark the end (IIS logs a request when it completes); time-taken is ms. */
    private Rejection readTimes(FieldLayout layout, long directiveDateMicros, RequestRecord record) {
        long date = directiveDateMicros;
        if (layout.date != FieldLayout.ABSENT) {
            date = IsoTime.dateMicros(line, starts[layout.date], ends[layout.date]);
            if (date == IsoTime.INVALID) {
                return bad(Rejection.Reason.BAD_TIME, layout, layout.date, "is not a date (yyyy-MM-dd)");
            }
        }
        long timeOfDay = IsoTime.timeOfDayMicros(line, starts[layout.time], ends[layout.time]);
        if (timeOfDay == IsoTime.INVALID) {
            return bad(Rejection.Reason.BAD_TIME, layout, layout.time, "is not a time (HH:mm:ss)");
        }
        long end = date + timeOfDay;
        if (layout.timeTaken != FieldLayout.ABSENT && !isDash(layout.timeTaken)) {
            long millis = digits(layout.timeTaken);
            if (millis < 0 || millis > Long.MAX_VALUE / 1000) {
                return bad(Rejection.Reason.BAD_NUMBER, layout, layout.timeTaken, "is not a number of milliseconds");
            }
            record.requestTimeMicros(millis * 1000);
        }
        long taken = record.requestTimeMicros() == RequestRecord.UNKNOWN ? 0 : record.requestTimeMicros();
        record.startMicros(end - taken);
        return null;
    }

    private Rejection readRequest(FieldLayout layout, RequestRecord record) {
        if (isDash(layout.method) || !RequestLine.isToken(line, starts[layout.method], ends[layout.method])) {
            return bad(Rejection.Reason.BAD_REQUEST_LINE, layout, layout.method, "is not an HTTP method");
        }
        record.method(text(layout.method));
        int target = layout.uriStem != FieldLayout.ABSENT ? layout.uriStem : layout.uri;
        if (isDash(target)) {
            return bad(Rejection.Reason.BAD_REQUEST_LINE, layout, target, "is no request target");
        }
        String uri = text(target);
        if (target == layout.uriStem && layout.uriQuery != FieldLayout.ABSENT && !isDash(layout.uriQuery)) {
            uri = uri + "?" + text(layout.uriQuery);
        }
        record.uri(uri);
        if (present(layout.version)) {
            record.protocol(text(layout.version));
        }
        if (present(layout.host)) {
            record.host(text(layout.host));
        }
        for (int i = 0; i < layout.headerColumns.length; i++) {
            if (present(layout.headerColumns[i])) {
                record.header(layout.headerNames[i], spaces(text(layout.headerColumns[i])));
            }
        }
        if (present(layout.cookie)) {
            Cookies.parse(spaces(text(layout.cookie)), record);
        }
        return null;
    }

    private Rejection readResponse(FieldLayout layout, RequestRecord record) {
        if (present(layout.status)) {
            long status = digits(layout.status);
            if (status < 100 || status > 999) {
                return bad(Rejection.Reason.BAD_STATUS, layout, layout.status, "is not a 3-digit status");
            }
            record.status((int) status);
        }
        if (present(layout.bytesSent)) {
            long bytes = digits(layout.bytesSent);
            if (bytes < 0) {
                return bad(Rejection.Reason.BAD_NUMBER, layout, layout.bytesSent, "is not a byte count");
            }
            record.bytesSent(bytes);
        }
        return null;
    }

    /** The client: the first X-Forwarded-For address when a proxy logged one, else {@code c-ip}. */
    private void readClient(FieldLayout layout, RequestRecord record) {
        if (present(layout.forwardedFor)) {
            record.clientAddress(RequestHeaders.firstAddress(spaces(text(layout.forwardedFor))));
        } else if (present(layout.clientIp)) {
            record.clientAddress(text(layout.clientIp));
        }
    }

    /** Splits the line at runs of spaces and tabs; returns the number of fields. */
    private int split() {
        int count = 0;
        int i = 0;
        int length = line.length();
        while (true) {
            while (i < length && isSpace(line.charAt(i))) {
                i++;
            }
            if (i == length) {
                return count;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = i;
            while (i < length && !isSpace(line.charAt(i))) {
                i++;
            }
            ends[count++] = i;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean present(int column) {
        return column != FieldLayout.ABSENT && !isDash(column);
    }

    private boolean isDash(int column) {
        return ends[column] - starts[column] == 1 && line.charAt(starts[column]) == '-';
    }

    private String text(int column) {
        return line.substring(starts[column], ends[column]);
    }

    /** The value of a field of 1 to 18 decimal digits, else -1. */
    private long digits(int column) {
        if (ends[column] - starts[column] > 18) {
            return -1;
        }
        long value = 0;
        for (int i = starts[column]; i < ends[column]; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** IIS writes each space of a header value as {@code +}. */
    private static String spaces(String value) {
        return value.replace('+', ' ');
    }

    private Rejection bad(Rejection.Reason reason, FieldLayout layout, int column, String problem) {
        String value = text(column);
        String shown = value.length() <= 60 ? value : value.substring(0, 57) + "...";
        return new Rejection(reason, layout.names[column], starts[column] + 1, "'" + shown + "' " + problem);
    }
}
