package dev.stampede.logparser.format.har;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;

/**
 * A {@link HarEntry} as a record. HAR is recorded by the client, so the times mean what the client saw:
 * the request time is {@code send + wait + receive} (the request on an open connection, what a server's
 * own log would come closest to), not {@code time}, which adds the browser's queueing, DNS and connection
 * set-up; and no upstream time is given, because {@code wait} includes the network and every server on
 * the way, not only an upstream's share. An entry with status 0 got no response (blocked, failed,
 * aborted): its size and time are unknown whatever the timings say.
 */
final class HarRecords {

    private HarRecords() {}

    /**
     * Fills {@code record} from {@code entry}.
     *
     * @return {@code null} when it is a request, else why not
     */
    static Rejection toRecord(HarEntry entry, RequestRecord record) {
        Rejection why = required(entry);
        if (why != null) {
            return why;
        }
        long startMicros = HarTime.parseMicros(entry.startedDateTime);
        if (startMicros == HarTime.INVALID) {
            return new Rejection(
                    Rejection.Reason.BAD_TIME,
                    "startedDateTime",
                    0,
                    "'" + abbreviate(entry.startedDateTime) + "' is not an ISO 8601 time with an offset");
        }
        if (!RequestLine.isToken(entry.method, 0, entry.method.length())) {
            return new Rejection(
                    Rejection.Reason.BAD_REQUEST_LINE,
                    "request.method",
                    0,
                    "'" + abbreviate(entry.method) + "' is not an HTTP method");
        }
        HarUrl url = HarUrl.parse(entry.url);
        if (url == null) {
            return new Rejection(
                    Rejection.Reason.BAD_REQUEST_LINE,
                    "request.url",
                    0,
                    "'" + abbreviate(entry.url) + "' is not an absolute URL");
        }
        int status = status(entry.status);
        if (status < 0) {
            return new Rejection(
                    Rejection.Reason.BAD_STATUS, "response.status", 0, entry.status + " is not an HTTP status");
        }
        byte[] body = HarBody.of(entry);
        if (body == HarBody.INVALID) {
            return new Rejection(
                    Rejection.Reason.FORMAT_MISMATCH,
                    "request.postData.text",
                    0,
                    "the text is marked base64 but is not base64");
        }
        record.startMicros(startMicros)
                .method(entry.method)
                .uri(url.uri())
                .protocol(protocol(entry.httpVersion))
                .status(status)
                .body(body)
                .bytesSent(status == 0 ? RequestRecord.UNKNOWN : bytesSent(entry))
                .requestTimeMicros(status == 0 ? RequestRecord.UNKNOWN : requestTimeMicros(entry));
        String authority = headers(entry, record);
        String host = record.headers().get("host");
        record.host(host != null ? host : authority != null ? authority : url.host());
        cookies(entry, record);
        record.clientAddress(RequestHeaders.clientAddress(record.headers()));
        return null;
    }

    private static Rejection required(HarEntry entry) {
        String missing = entry.startedDateTime == null
                ? "startedDateTime"
                : entry.method == null ? "request.method" : entry.url == null ? "request.url" : null;
        return missing == null
                ? null
                : new Rejection(Rejection.Reason.MISSING_FIELD, missing, 0, "the entry has no " + missing);
    }

    /**
     * Adds the headers but HTTP/2 and HTTP/3 pseudo-headers ({@code :method}, {@code :path}, ...), which
     * the method and url already say and which are not headers to send.
     *
     * @return the {@code :authority} pseudo-header, the host when there is no Host header
     */
    private static String headers(HarEntry entry, RequestRecord record) {
        String authority = null;
        for (String[] header : entry.headers) {
            String value = header[1] == null ? "" : header[1];
            if (header[0].startsWith(":")) {
                if (header[0].equals(":authority")) {
                    authority = value;
                }
            } else if (!header[0].isEmpty()) {
                RequestHeaders.add(record, header[0], value);
            }
        }
        return authority;
    }

    /** {@code request.cookies}, or the Cookie header's cookies when a producer left the list empty. */
    private static void cookies(HarEntry entry, RequestRecord record) {
        for (String[] cookie : entry.cookies) {
            if (!cookie[0].isEmpty() && !record.cookies().containsKey(cookie[0])) {
                record.cookie(cookie[0], cookie[1] == null ? "" : cookie[1]);
            }
        }
        String header = record.headers().get("cookie");
        if (record.cookies().isEmpty() && header != null) {
            RequestHeaders.addCookies(record, header);
        }
    }

    /**
     * {@code httpVersion} as the producer wrote it, trimmed ({@code HTTP/1.1}, {@code http/2.0},
     * {@code h3}, ...): spellings differ by browser and are kept rather than guessed at. Empty (Safari and
     * Firefox leave it so for cached entries) is unknown.
     */
    private static String protocol(String httpVersion) {
        if (httpVersion == null || httpVersion.isBlank()) {
            return null;
        }
        return httpVersion.strip();
    }

    /** 0 (no response) or 100 to 999; absent is 0; anything else -1. */
    private static int status(double status) {
        if (Double.isNaN(status)) {
            return 0;
        }
        boolean valid = status == Math.rint(status) && (status == 0 || (status >= 100 && status <= 999));
        return valid ? (int) status : -1;
    }

    /**
     * Body bytes on the wire ({@code bodySize}); when that is unknown (-1), the decoded size
     * ({@code content.size}) if it is positive. A zero decoded size with an unknown body size is what
     * Safari writes for a response from its memory cache (a stylesheet with status 200), not an empty
     * body, so it stays unknown.
     */
    private static long bytesSent(HarEntry entry) {
        if (entry.responseBodySize >= 0) {
            return (long) entry.responseBodySize;
        }
        return entry.contentSize > 0 ? (long) entry.contentSize : RequestRecord.UNKNOWN;
    }

    private static long requestTimeMicros(HarEntry entry) {
        // NaN fails every comparison, so an absent phase also gives unknown.
        if (!(entry.sendMs >= 0 && entry.waitMs >= 0 && entry.receiveMs >= 0)) {
            return RequestRecord.UNKNOWN;
        }
        return Math.round((entry.sendMs + entry.waitMs + entry.receiveMs) * 1000);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
