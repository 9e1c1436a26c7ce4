package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.ClfTime;
import dev.stampede.logparser.format.Escapes;
import dev.stampede.logparser.format.IsoTime;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;
import dev.stampede.logparser.format.ScaledDecimal;
import java.util.Locale;

/**
 * What each nginx variable means to a request record. Known variables are decoded; {@code
 * $http_<name>} becomes a header, {@code $cookie_<name>} a cookie; anything else is kept as an extra
 * field under its own name, so nothing the log says is lost.
 */
final class Variables {

    private Variables() {}

    /** The decoder for {@code $name} (name without the dollar). */
    static Decoder decoderFor(String name) {
        switch (name) {
            case "remote_addr":
            case "realip_remote_addr":
            case "binary_remote_addr":
                return Variables::remoteAddr;
            case "time_local":
                return Variables::timeLocal;
            case "time_iso8601":
                return Variables::timeIso8601;
            case "msec":
                return Variables::msec;
            case "request":
                return Variables::request;
            case "request_method":
                return (line, start, end, record, state) -> {
                    record.method(line.substring(start, end));
                    return null;
                };
            case "request_uri":
                return (line, start, end, record, state) -> {
                    record.uri(Escapes.unescape(line.substring(start, end)));
                    return null;
                };
            case "uri":
            case "document_uri":
                return Variables::uriPath;
            case "args":
            case "query_string":
                return Variables::args;
            case "server_protocol":
                return (line, start, end, record, state) -> {
                    record.protocol(line.substring(start, end));
                    return null;
                };
            case "status":
                return Variables::status;
            case "body_bytes_sent":
                return (line, start, end, record, state) -> {
                    state.bodyBytes = number(line, start, end);
                    return state.bodyBytes == Long.MIN_VALUE ? bad(Reason.BAD_NUMBER, name, start, line, end) : null;
                };
            case "bytes_sent":
                return (line, start, end, record, state) -> {
                    state.allBytes = number(line, start, end);
                    return state.allBytes == Long.MIN_VALUE ? bad(Reason.BAD_NUMBER, name, start, line, end) : null;
                };
            case "request_time":
                return (line, start, end, record, state) -> {
                    long micros = secondsToMicros(line, start, end);
                    if (micros == Long.MIN_VALUE) {
                        return bad(Reason.BAD_NUMBER, name, start, line, end);
                    }
                    record.requestTimeMicros(micros);
                    return null;
                };
            case "upstream_response_time":
            case "upstream_header_time":
            case "upstream_connect_time":
                return upstreamTime(name);
            case "host":
            case "http_host":
                return (line, start, end, record, state) -> {
                    String host = line.substring(start, end);
                    if (!host.equals("-")) {
                        record.host(host);
                        if (name.equals("http_host")) {
                            record.header("host", host);
                        }
                    }
                    return null;
                };
            case "request_body":
                return (line, start, end, record, state) -> {
                    if (!(end - start == 1 && line.charAt(start) == '-')) {
                        record.body(Escapes.bytes(Escapes.unescape(line.substring(start, end))));
                    }
                    return null;
                };
            case "http_x_forwarded_for":
                return (line, start, end, record, state) -> {
                    String value = line.substring(start, end);
                    if (!value.equals("-")) {
                        record.header("x-forwarded-for", Escapes.unescape(value));
                        state.forwardedFor = RequestHeaders.firstAddress(value);
                    }
                    return null;
                };
            case "remote_user":
            case "request_length":
            case "connection":
            case "connection_requests":
            case "pipe":
            case "server_name":
            case "server_addr":
            case "server_port":
            case "upstream_addr":
            case "upstream_status":
            case "gzip_ratio":
                return Decoder.IGNORE;
            default:
                if (name.startsWith("http_")) {
                    return new TextField(
                            TextField.Kind.HEADER,
                            name.substring(5).replace('_', '-').toLowerCase(Locale.ROOT));
                }
                if (name.startsWith("cookie_")) {
                    return new TextField(TextField.Kind.COOKIE, name.substring(7));
                }
                return new TextField(TextField.Kind.EXTRA, name);
        }
    }

    /**
     * An address, or an X-Forwarded-For style list ({@code a, b, c}) when nginx's realip module put one
     * there. Anything else (quotes, words separated by spaces) means the line has another format.
     */
    private static Rejection remoteAddr(String line, int start, int end, RequestRecord record, LineState state) {
        if (!isAddressList(line, start, end)) {
            return new Rejection(
                    Reason.FORMAT_MISMATCH,
                    "remote_addr",
                    start + 1,
                    "'" + line.substring(start, Math.min(end, start + 60)) + "' is not an address or address list");
        }
        record.clientAddress(RequestHeaders.firstAddress(line.substring(start, end)));
        return null;
    }

    private static boolean isAddressList(String line, int start, int end) {
        boolean inPart = false;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            boolean addressChar = (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '.'
                    || c == ':'
                    || c == '%'
                    || c == '['
                    || c == ']'
                    || c == '_'
                    || c == '-';
            if (addressChar) {
                inPart = true;
            } else if (c == ',' && inPart) {
                inPart = false;
                if (i + 1 < end && line.charAt(i + 1) == ' ') {
                    i++;
                }
            } else {
                return false;
            }
        }
        return inPart;
    }

    private static Rejection timeLocal(String line, int start, int end, RequestRecord record, LineState state) {
        long micros = end - start == ClfTime.LENGTH ? ClfTime.parseMicros(line, start) : ClfTime.INVALID;
        if (micros == ClfTime.INVALID) {
            return bad(Reason.BAD_TIME, "time_local", start, line, end);
        }
        if (state.endPrecision < 1) {
            state.endMicros = micros;
            state.endPrecision = 1;
        }
        return null;
    }

    private static Rejection timeIso8601(String line, int start, int end, RequestRecord record, LineState state) {
        long micros = IsoTime.parseMicros(line, start, end);
        if (micros == Long.MIN_VALUE) {
            return bad(Reason.BAD_TIME, "time_iso8601", start, line, end);
        }
        if (state.endPrecision < 1) {
            state.endMicros = micros;
            state.endPrecision = 1;
        }
        return null;
    }

    private static Rejection msec(String line, int start, int end, RequestRecord record, LineState state) {
        long micros = secondsToMicros(line, start, end);
        if (micros == Long.MIN_VALUE || micros < 0) {
            return bad(Reason.BAD_TIME, "msec", start, line, end);
        }
        state.endMicros = micros;
        state.endPrecision = 2;
        return null;
    }

    private static Rejection request(String line, int start, int end, RequestRecord record, LineState state) {
        int backslash = line.indexOf('\\', start);
        if (backslash < 0 || backslash >= end) {
            return RequestLine.parse(line, start, end, "request", record); // nothing escaped: no copy
        }
        return RequestLine.parse(Escapes.unescape(line.substring(start, end)), "request", record);
    }

    private static Rejection uriPath(String line, int start, int end, RequestRecord record, LineState state) {
        String path = Escapes.unescape(line.substring(start, end));
        String uri = record.uri();
        record.uri(uri != null && uri.startsWith("?") ? path + uri : uri == null ? path : uri);
        return null;
    }

    private static Rejection args(String line, int start, int end, RequestRecord record, LineState state) {
        if (end - start == 1 && line.charAt(start) == '-' || start == end) {
            return null;
        }
        String query = Escapes.unescape(line.substring(start, end));
        String uri = record.uri();
        if (uri == null) {
            record.uri("?" + query);
        } else if (uri.indexOf('?') < 0) {
            record.uri(uri + "?" + query);
        }
        return null;
    }

    private static Rejection status(String line, int start, int end, RequestRecord record, LineState state) {
        if (end - start != 3) {
            return bad(Reason.BAD_STATUS, "status", start, line, end);
        }
        long status = number(line, start, end);
        if (status == Long.MIN_VALUE) {
            return bad(Reason.BAD_STATUS, "status", start, line, end);
        }
        record.status((int) status);
        return null;
    }

    /** {@code 0.012}, {@code 0.010, 0.002} (upstreams tried) or {@code 0.010 : 0.002} (redirects): the sum. */
    private static Decoder upstreamTime(String name) {
        return (line, start, end, record, state) -> {
            if (end - start == 1 && line.charAt(start) == '-') {
                return null;
            }
            long total = 0;
            boolean any = false;
            int partStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || line.charAt(i) == ',' || line.charAt(i) == ':') {
                    int a = partStart;
                    int b = i;
                    while (a < b && line.charAt(a) == ' ') {
                        a++;
                    }
                    while (b > a && line.charAt(b - 1) == ' ') {
                        b--;
                    }
                    if (b > a && !(b - a == 1 && line.charAt(a) == '-')) {
                        long micros = secondsToMicros(line, a, b);
                        if (micros == Long.MIN_VALUE) {
                            return bad(Reason.BAD_NUMBER, name, a, line, end);
                        }
                        total += micros;
                        any = true;
                    }
                    partStart = i + 1;
                }
            }
            if (any && name.equals("upstream_response_time")) {
                record.upstreamTimeMicros(total);
            }
            return null;
        };
    }

    /** A non-negative decimal integer, or {@link Long#MIN_VALUE}; {@code -} counts as 0 (Apache-style). */
    static long number(String line, int start, int end) {
        if (start == end || end - start > 18) {
            return Long.MIN_VALUE;
        }
        if (end - start == 1 && line.charAt(start) == '-') {
            return 0;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Seconds with an optional fraction ({@code 0.003}, {@code 12}, {@code 1763736121.123}) as µs, or
     * {@link Long#MIN_VALUE}; nginx never logs a negative duration or time, so one is refused too.
     */
    static long secondsToMicros(String line, int start, int end) {
        long micros = ScaledDecimal.parse(line, start, end, 6);
        return micros < 0 ? Long.MIN_VALUE : micros;
    }

    static Rejection bad(Reason reason, String field, int start, String line, int end) {
        String value = line.substring(start, Math.min(end, start + 40));
        return new Rejection(reason, field, start + 1, "'" + value + (end - start > 40 ? "...'" : "'"));
    }
}
