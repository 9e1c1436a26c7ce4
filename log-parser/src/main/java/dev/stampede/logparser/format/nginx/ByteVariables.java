package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.ClfTime;
import dev.stampede.logparser.format.Escapes;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;
import dev.stampede.logparser.format.ScaledDecimal;
import java.util.Arrays;

/**
 * The byte versions of {@link Variables}' decoders, for the variables most formats log on every line
 * (the {@code combined} ones, times, sizes, headers); every other variable keeps its String decoder,
 * on the line made a string. Each does exactly what its String decoder does with the same text, and
 * answers false for whatever that decoder rejects (the parser then lets the String path say why).
 */
final class ByteVariables {

    private static final boolean[] ADDRESS_CHARS = addressChars();

    private ByteVariables() {}

    /** The byte decoder for {@code $name}, whose String decoder is {@code decoder}. */
    static ByteDecoder decoderFor(String name, Decoder decoder) {
        if (decoder == Decoder.IGNORE) {
            return ByteDecoder.IGNORE;
        }
        if (decoder instanceof TextField field) {
            return (line, start, end, record, state) -> {
                if (!line.isDash(start, end)) {
                    field.put(record, line.unescaped(start, end));
                }
                return true;
            };
        }
        ByteDecoder viaString = ByteDecoder.via(decoder);
        switch (name) {
            case "remote_addr", "realip_remote_addr", "binary_remote_addr":
                return ByteVariables::remoteAddr;
            case "time_local":
                return ByteVariables::timeLocal;
            case "msec":
                return ByteVariables::msec;
            case "request":
                return (line, start, end, record, state) -> line.hasEscape(start, end)
                        ? viaString.decode(line, start, end, record, state)
                        : RequestLine.parse(line.data, start, end, record);
            case "status":
                return ByteVariables::status;
            case "body_bytes_sent":
                return (line, start, end, record, state) -> {
                    state.bodyBytes = number(line.data, start, end);
                    return state.bodyBytes != Long.MIN_VALUE;
                };
            case "bytes_sent":
                return (line, start, end, record, state) -> {
                    state.allBytes = number(line.data, start, end);
                    return state.allBytes != Long.MIN_VALUE;
                };
            case "request_time":
                return (line, start, end, record, state) -> {
                    long micros = secondsToMicros(line.data, start, end);
                    if (micros == Long.MIN_VALUE) {
                        return false;
                    }
                    record.requestTimeMicros(micros);
                    return true;
                };
            case "upstream_response_time", "upstream_header_time", "upstream_connect_time":
                return upstreamTime(name.equals("upstream_response_time"));
            case "host", "http_host":
                boolean header = name.equals("http_host");
                return (line, start, end, record, state) -> {
                    if (!line.isDash(start, end)) {
                        String host = line.text(start, end);
                        record.host(host);
                        if (header) {
                            record.lowerCaseHeader("host", host);
                        }
                    }
                    return true;
                };
            case "http_x_forwarded_for":
                return (line, start, end, record, state) -> {
                    if (!line.isDash(start, end)) {
                        String value = line.text(start, end);
                        record.lowerCaseHeader("x-forwarded-for", Escapes.unescape(value));
                        state.forwardedFor = RequestHeaders.firstAddress(value);
                    }
                    return true;
                };
            case "request_body":
                return (line, start, end, record, state) -> {
                    if (!line.isDash(start, end)) {
                        // Unescaped, the bytes are the value's own (one char per byte).
                        record.body(
                                line.hasEscape(start, end)
                                        ? Escapes.bytes(Escapes.unescape(line.text(start, end)))
                                        : Arrays.copyOfRange(line.data, start, end));
                    }
                    return true;
                };
            default:
                return viaString;
        }
    }

    /** An address or address list, as {@code Variables.remoteAddr} accepts; the first is the client. */
    private static boolean remoteAddr(ByteLine line, int start, int end, RequestRecord record, LineState state) {
        byte[] data = line.data;
        boolean inPart = false;
        int firstEnd = -1;
        for (int i = start; i < end; i++) {
            int c = data[i] & 0xFF;
            if (ADDRESS_CHARS[c]) {
                inPart = true;
            } else if (c == ',' && inPart) {
                inPart = false;
                firstEnd = firstEnd < 0 ? i : firstEnd;
                if (i + 1 < end && data[i + 1] == ' ') {
                    i++;
                }
            } else {
                return false;
            }
        }
        if (!inPart) {
            return false;
        }
        // The first address is address characters only: nothing for firstAddress's strip to remove.
        record.clientAddress(line.text(start, firstEnd < 0 ? end : firstEnd));
        return true;
    }

    private static boolean[] addressChars() {
        boolean[] chars = new boolean[256];
        for (int c = 0; c < 256; c++) {
            chars[c] = (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '.'
                    || c == ':'
                    || c == '%'
                    || c == '['
                    || c == ']'
                    || c == '_'
                    || c == '-';
        }
        return chars;
    }

    private static boolean timeLocal(ByteLine line, int start, int end, RequestRecord record, LineState state) {
        long micros = end - start == ClfTime.LENGTH ? line.time.clfMicros(line.data, start) : ClfTime.INVALID;
        if (micros == ClfTime.INVALID) {
            return false;
        }
        if (state.endPrecision < 1) {
            state.endMicros = micros;
            state.endPrecision = 1;
        }
        return true;
    }

    private static boolean msec(ByteLine line, int start, int end, RequestRecord record, LineState state) {
        long micros = secondsToMicros(line.data, start, end);
        if (micros == Long.MIN_VALUE) {
            return false;
        }
        state.endMicros = micros;
        state.endPrecision = 2;
        return true;
    }

    private static boolean status(ByteLine line, int start, int end, RequestRecord record, LineState state) {
        long status = end - start == 3 ? number(line.data, start, end) : Long.MIN_VALUE;
        if (status == Long.MIN_VALUE) {
            return false;
        }
        record.status((int) status);
        return true;
    }

    /** {@code Variables.upstreamTime}: the sum of the attempts' times. */
    private static ByteDecoder upstreamTime(boolean responseTime) {
        return (line, start, end, record, state) -> {
            byte[] data = line.data;
            if (line.isDash(start, end)) {
                return true;
            }
            long total = 0;
            boolean any = false;
            int partStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || data[i] == ',' || data[i] == ':') {
                    int a = partStart;
                    int b = i;
                    while (a < b && data[a] == ' ') {
                        a++;
                    }
                    while (b > a && data[b - 1] == ' ') {
                        b--;
                    }
                    if (b > a && !line.isDash(a, b)) {
                        long micros = secondsToMicros(data, a, b);
                        if (micros == Long.MIN_VALUE) {
                            return false;
                        }
                        total += micros;
                        any = true;
                    }
                    partStart = i + 1;
                }
            }
            if (any && responseTime) {
                record.upstreamTimeMicros(total);
            }
            return true;
        };
    }

    /** {@link Variables#number} of bytes. */
    static long number(byte[] data, int start, int end) {
        if (start == end || end - start > 18) {
            return Long.MIN_VALUE;
        }
        if (end - start == 1 && data[start] == '-') {
            return 0;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int c = data[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@link Variables#secondsToMicros} of bytes. */
    static long secondsToMicros(byte[] data, int start, int end) {
        long micros = ScaledDecimal.parse(data, start, end, 6);
        return micros < 0 ? Long.MIN_VALUE : micros;
    }
}
