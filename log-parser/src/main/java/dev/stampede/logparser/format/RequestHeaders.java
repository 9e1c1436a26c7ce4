package dev.stampede.logparser.format;

import dev.stampede.logparser.RequestRecord;
import java.util.Locale;
import java.util.Map;

/**
 * Request headers and cookies onto a record, for the formats that log whole requests (GoReplay, HAR):
 * repeated headers joined as HTTP defines, the Cookie header split into cookies, the original client
 * taken from the proxy headers.
 */
public final class RequestHeaders {

    private RequestHeaders() {}

    /**
     * Adds a header. A repeated name is joined to the earlier value, which HTTP allows for any field that
     * may repeat (RFC 9110 5.3): with {@code ", "}, or {@code "; "} for Cookie, which HTTP/2 clients
     * send split into one field per cookie (RFC 9113 8.2.3).
     */
    public static void add(RequestRecord record, String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        String earlier = record.headers().get(key);
        if (earlier == null) {
            record.header(key, value);
        } else {
            record.header(key, earlier + (key.equals("cookie") ? "; " : ", ") + value);
        }
    }

    /**
     * The cookies of a Cookie header value ({@code a=1; b=2}) onto {@code record}. A pair without
     * {@code =} or with an empty name is skipped, as RFC 6265 5.2 does; of two cookies with the same name
     * the first is kept, because that is the one servers read (the browser sends the most specific path
     * first).
     */
    public static void addCookies(RequestRecord record, String header) {
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            int equals = header.indexOf('=', start);
            if (equals >= 0 && equals < end) {
                String name = header.substring(start, equals).trim();
                String value = header.substring(equals + 1, end).trim();
                if (!name.isEmpty() && !record.cookies().containsKey(name)) {
                    record.cookie(name, value);
                }
            }
            start = end + 1;
        }
    }

    /**
     * The original client from lower-case request headers: the first address of X-Forwarded-For (the
     * client; the rest are proxies), else X-Real-IP, else {@code null}.
     */
    public static String clientAddress(Map<String, String> headers) {
        String forwarded = headers.get("x-forwarded-for");
        if (forwarded != null) {
            String first = firstAddress(forwarded);
            if (!first.isEmpty()) {
                return first;
            }
        }
        String realIp = headers.get("x-real-ip");
        if (realIp != null && !realIp.isBlank()) {
            return realIp.trim();
        }
        return null;
    }

    /** The first address of an X-Forwarded-For style list ({@code client, proxy1, proxy2}), trimmed. */
    public static String firstAddress(String list) {
        int comma = list.indexOf(',');
        return (comma < 0 ? list : list.substring(0, comma)).strip();
    }
}
