package dev.stampede.testbed.lb;

import java.time.ZoneId;

/**
 * The nginx variables the testbed can log, by name, each with nginx's layout. Values that come from
 * the client or the upstream go through {@link NginxEscaper}; numbers need no escaping.
 */
final class LogVariables {

    private static final String HTTP_PREFIX = "http_";
    private static final String COOKIE_PREFIX = "cookie_";
    private static final String UPSTREAM_COOKIE_PREFIX = "upstream_cookie_";

    private LogVariables() {}

    /** The segment for variable {@code name} (without {@code $}), or {@code null} when unknown. */
    static LogSegment resolve(String name, ZoneId zone) {
        return switch (name) {
            case "remote_addr" -> (e, out) -> NginxEscaper.appendText(e.remoteAddress(), out);
            case "remote_user" -> (e, out) -> out.append('-'); // the testbed has no HTTP basic auth
            case "time_local" -> TimeSegment.timeLocal(zone);
            case "time_iso8601" -> TimeSegment.iso8601(zone);
            case "msec" -> (e, out) -> NginxEscaper.appendMillisAsSeconds(e.endEpochMillis(), out);
            case "request" -> LogVariables::appendRequestLine;
            case "request_method" -> (e, out) -> NginxEscaper.appendText(e.method(), out);
            case "request_uri" -> (e, out) -> NginxEscaper.appendText(e.uri(), out);
            case "uri" -> LogVariables::appendPath;
            case "args" -> LogVariables::appendQuery;
            case "status" -> LogVariables::appendStatus;
            case "body_bytes_sent" -> (e, out) -> out.append(e.bodyBytesSent());
            case "bytes_sent" -> (e, out) -> out.append(e.bytesSent());
            case "request_length" -> (e, out) -> out.append(e.requestLength());
            case "request_time" -> (e, out) -> appendNanosAsSeconds(e.requestTimeNanos(), out);
            case "upstream_response_time" -> LogVariables::appendUpstreamResponseTime;
            case "upstream_addr" -> (e, out) -> NginxEscaper.appendText(e.upstreamAddress(), out);
            case "host" -> HeaderSegments::appendHost;
            case "request_body" -> (e, out) -> NginxEscaper.appendBytes(e.requestBody(), out);
            case "connection" -> (e, out) -> out.append(e.connectionSerial());
            default -> resolvePrefixed(name);
        };
    }

    private static LogSegment resolvePrefixed(String name) {
        // upstream_cookie_ first: it is the only prefix that another one could be mistaken for.
        if (name.startsWith(UPSTREAM_COOKIE_PREFIX) && name.length() > UPSTREAM_COOKIE_PREFIX.length()) {
            return HeaderSegments.upstreamCookie(name.substring(UPSTREAM_COOKIE_PREFIX.length()));
        }
        if (name.startsWith(COOKIE_PREFIX) && name.length() > COOKIE_PREFIX.length()) {
            return HeaderSegments.requestCookie(name.substring(COOKIE_PREFIX.length()));
        }
        if (name.startsWith(HTTP_PREFIX) && name.length() > HTTP_PREFIX.length()) {
            return HeaderSegments.requestHeader(name.substring(HTTP_PREFIX.length()));
        }
        return null;
    }

    /** {@code $request}: the request line, {@code METHOD URI PROTOCOL}. */
    private static void appendRequestLine(AccessLogEntry e, StringBuilder out) {
        int start = out.length();
        appendPart(e.method(), out);
        if (e.uri() != null && !e.uri().isEmpty()) {
            out.append(' ');
            appendPart(e.uri(), out);
        }
        if (e.protocol() != null && !e.protocol().isEmpty()) {
            out.append(' '); // nginx logs an HTTP/0.9 request line without a protocol
            appendPart(e.protocol(), out);
        }
        if (out.length() == start) {
            out.append('-');
        }
    }

    private static void appendPart(String part, StringBuilder out) {
        if (part != null) {
            NginxEscaper.appendEscaped(part, 0, part.length(), out);
        }
    }

    /** {@code $uri}: the path before any {@code ?}, as received (this LB does not normalise). */
    private static void appendPath(AccessLogEntry e, StringBuilder out) {
        String uri = e.uri();
        if (uri == null) {
            out.append('-');
            return;
        }
        int query = uri.indexOf('?');
        NginxEscaper.appendText(uri, 0, query < 0 ? uri.length() : query, out);
    }

    /** {@code $args}: the query after the first {@code ?}. */
    private static void appendQuery(AccessLogEntry e, StringBuilder out) {
        String uri = e.uri();
        int query = uri == null ? -1 : uri.indexOf('?');
        if (query < 0) {
            out.append('-');
        } else {
            NginxEscaper.appendText(uri, query + 1, uri.length(), out);
        }
    }

    /** {@code $status}: nginx's {@code %03ui}, three digits at least. */
    private static void appendStatus(AccessLogEntry e, StringBuilder out) {
        int status = e.status();
        if (status >= 0) {
            NginxEscaper.appendPadded(status, 3, out);
        } else {
            out.append(status);
        }
    }

    private static void appendUpstreamResponseTime(AccessLogEntry e, StringBuilder out) {
        if (e.upstreamResponseTimeNanos() < 0) {
            out.append('-'); // no upstream was asked
        } else {
            appendNanosAsSeconds(e.upstreamResponseTimeNanos(), out);
        }
    }

    /**
     * nginx measures these times as differences of millisecond clock readings, so the sub-millisecond
     * part is lost, never rounded: 1.9 ms is logged as {@code 0.001}. Truncation of nanoseconds to
     * milliseconds is the closest equivalent; a negative duration (a clock step) is logged as 0.
     */
    private static void appendNanosAsSeconds(long nanos, StringBuilder out) {
        NginxEscaper.appendMillisAsSeconds(Math.max(0L, nanos / 1_000_000L), out);
    }
}
