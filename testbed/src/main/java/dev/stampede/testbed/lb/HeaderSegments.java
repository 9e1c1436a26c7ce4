package dev.stampede.testbed.lb;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The variables read from headers: {@code $http_*}, {@code $cookie_*}, {@code $upstream_cookie_*}, {@code $host}. */
final class HeaderSegments {

    private HeaderSegments() {}

    /**
     * {@code $http_<suffix>}: nginx maps {@code _} to {@code -} and compares header names without
     * case. Repeated headers are joined with {@code ", "} ({@code "; "} for Cookie), as nginx 1.23+ does.
     */
    static LogSegment requestHeader(String suffix) {
        AsciiString name = AsciiString.of(suffix.replace('_', '-').toLowerCase(Locale.ROOT));
        String separator = HttpHeaderNames.COOKIE.contentEquals(name) ? "; " : ", ";
        return (entry, out) -> appendHeader(entry.requestHeaders(), name, separator, out);
    }

    /**
     * {@code $cookie_<name>}: the first cookie of that name in the request's Cookie headers. Names
     * compare without case, as in nginx ({@code ngx_http_parse_multi_header_lines} uses {@code
     * ngx_strncasecmp}).
     */
    static LogSegment requestCookie(String cookieName) {
        return (entry, out) -> appendCookie(requestCookie(entry.requestHeaders(), cookieName), out);
    }

    /**
     * {@code $upstream_cookie_<name>}: the first Set-Cookie of the upstream whose cookie has that name,
     * compared without case as nginx's {@code ngx_http_parse_set_cookie_lines} does.
     */
    static LogSegment upstreamCookie(String cookieName) {
        return (entry, out) -> appendCookie(upstreamCookie(entry.upstreamResponseHeaders(), cookieName), out);
    }

    /** {@code $host}: the Host header without its port, lowercased, without a trailing dot. */
    static void appendHost(AccessLogEntry entry, StringBuilder out) {
        HttpHeaders headers = entry.requestHeaders();
        String host = headers == null ? null : headers.get(HttpHeaderNames.HOST);
        if (host == null || host.isEmpty()) {
            out.append('-');
            return;
        }
        int end = host.length();
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            end = close < 0 ? end : close + 1;
        } else {
            int colon = host.indexOf(':');
            end = colon < 0 ? end : colon;
        }
        if (end > 1 && host.charAt(end - 1) == '.') {
            end--;
        }
        NginxEscaper.appendText(lowerAscii(host, end), 0, end, out);
    }

    private static void appendHeader(HttpHeaders headers, AsciiString name, String separator, StringBuilder out) {
        String first = headers == null ? null : headers.get(name);
        if (first == null) {
            out.append('-');
            return;
        }
        Iterator<? extends CharSequence> values = headers.valueCharSequenceIterator(name);
        values.next();
        if (!values.hasNext()) {
            NginxEscaper.appendText(first, out);
            return;
        }
        // Rare: the same header more than once. getAll keeps arrival order, the iterator does not.
        List<String> all = headers.getAll(name);
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String value = all.get(i);
            NginxEscaper.appendEscaped(value, 0, value.length(), out);
        }
    }

    private static Cookie requestCookie(HttpHeaders headers, String cookieName) {
        if (headers == null) {
            return null;
        }
        for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
            if (!AsciiString.containsIgnoreCase(header, cookieName)) {
                continue; // skip the decoder's allocations when the name cannot be there
            }
            for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
                if (cookie.name().equalsIgnoreCase(cookieName)) {
                    return cookie;
                }
            }
        }
        return null;
    }

    private static Cookie upstreamCookie(HttpHeaders headers, String cookieName) {
        if (headers == null) {
            return null;
        }
        for (String header : headers.getAll(HttpHeaderNames.SET_COOKIE)) {
            if (AsciiString.containsIgnoreCase(header, cookieName)) {
                Cookie cookie = ClientCookieDecoder.LAX.decode(header);
                if (cookie != null && cookie.name().equalsIgnoreCase(cookieName)) {
                    return cookie;
                }
            }
        }
        return null;
    }

    private static void appendCookie(Cookie cookie, StringBuilder out) {
        String value = cookie == null ? null : cookie.value();
        if (cookie != null && cookie.wrap()) {
            // Netty strips the quotes of SESSION="abc"; nginx logs the value as sent, quotes included.
            out.append("\\x22");
            NginxEscaper.appendEscaped(value, 0, value.length(), out);
            out.append("\\x22");
        } else {
            NginxEscaper.appendText(value, out);
        }
    }

    private static CharSequence lowerAscii(String host, int end) {
        for (int i = 0; i < end; i++) {
            char c = host.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] lowered = host.toCharArray();
                for (int j = i; j < end; j++) {
                    char d = lowered[j];
                    lowered[j] = d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d;
                }
                return new String(lowered);
            }
        }
        return host;
    }
}
