package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;

/** Turns each entry of one {@code .gor} input into a request, a response for the window, or a rejection. */
final class EntryParser {

    private final String source;
    private final PendingWindow window;
    private final int maxEntryBytes;
    private final GorMeta meta = new GorMeta();
    private final RequestMessage request = new RequestMessage();

    EntryParser(String source, PendingWindow window, int maxEntryBytes) {
        this.source = source;
        this.window = window;
        this.maxEntryBytes = maxEntryBytes;
    }

    void accept(GorEntryReader entry) {
        byte[] bytes = entry.bytes();
        int length = entry.length();
        long line = entry.firstLine();
        int metaEnd = HttpHead.indexOf(bytes, 0, length);
        String metaLine = new String(bytes, 0, metaEnd < 0 ? length : metaEnd, StandardCharsets.ISO_8859_1);
        if (entry.oversized()) {
            window.reject(
                    line,
                    GorMeta.abbreviate(metaLine),
                    Rejection.of(Rejection.Reason.TOO_LONG, "the entry is longer than " + maxEntryBytes + " bytes"));
            return;
        }
        if (isBlank(bytes, length)) {
            // Blank lines after the last separator are the end of the file, not an entry.
            if (entry.terminated()) {
                window.reject(line, "", Rejection.of(Rejection.Reason.EMPTY, "an empty entry between separators"));
            }
            return;
        }
        Rejection why = meta.parse(metaLine);
        if (why == null && metaEnd < 0) {
            why = Rejection.of(Rejection.Reason.TRUNCATED, "no HTTP message after the meta line");
        }
        if (why == null) {
            why = meta.type() == GorMeta.REQUEST
                    ? request(bytes, metaEnd + 1, length, entry.terminated(), line)
                    : response(bytes, metaEnd + 1, length);
        }
        if (why != null) {
            window.reject(line, GorMeta.abbreviate(metaLine), why);
        }
    }

    private Rejection request(byte[] bytes, int from, int to, boolean terminated, long line) {
        RequestRecord record = new RequestRecord();
        Rejection why = request.parse(bytes, from, to, terminated, record);
        if (why != null) {
            return why;
        }
        record.startMicros(meta.timestampNs() / 1000).source(source, line);
        window.request(meta.id(), meta.timestampNs(), record, to);
        return null;
    }

    private Rejection response(byte[] bytes, int from, int to) {
        // The status line is all a response gives the record; its headers and body are not needed.
        int lineEnd = HttpHead.indexOf(bytes, from, to);
        String statusLine =
                stripCr(new String(bytes, from, (lineEnd < 0 ? to : lineEnd) - from, StandardCharsets.ISO_8859_1));
        int status = ResponseStatus.parse(statusLine);
        if (status == ResponseStatus.INVALID) {
            return new Rejection(
                    Rejection.Reason.BAD_STATUS,
                    "status line",
                    0,
                    "'" + GorMeta.abbreviate(statusLine) + "' is not an HTTP status line");
        }
        if (!window.response(meta, status)) {
            return Rejection.of(
                    Rejection.Reason.UNSUPPORTED,
                    "a response whose request is not in the input (or came more than the window before it)");
        }
        return null;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
