package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a replay sends for one recorded request, taken from its record on the publishing thread and
 * shared, read-only, by every user that sends it: method, request target (percent-encoded where the
 * log kept raw bytes), the recorded headers the shaper lets pass, the cookies, the body, and the
 * sessions its response created in the recording (cookie name and recorded token pairs, from nginx's
 * {@code $upstream_cookie_NAME} fields).
 *
 * @param method the method
 * @param pathAndQuery the request target, visible ASCII
 * @param headers recorded header name and value pairs that are sent as recorded
 * @param cookies cookie name and value pairs
 * @param body the body, or null
 * @param created the sessions the recorded response created: cookie name and recorded token pairs;
 *     empty for most requests
 */
record RecordedRequest(
        String method, String pathAndQuery, String[] headers, String[] cookies, byte[] body, String[] created) {

    private static final String[] NONE = new String[0];
    private static final String UPSTREAM_COOKIE = "upstream_cookie_";

    /** The request of {@code record}, with the headers {@code shaper} lets pass and valid HTTP allows. */
    static RecordedRequest of(RequestRecord record, RequestShaper shaper, Set<String> sessionCookies) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < record.headerCount(); i++) {
            String name = record.headerName(i);
            String value = record.headerValue(i);
            if (value != null
                    && !value.isEmpty()
                    && RequestTemplate.isToken(name)
                    && RequestTemplate.isFieldValue(value)
                    && shaper.passes(name)) {
                headers.add(name);
                headers.add(value);
            }
        }
        String[] cookies = NONE;
        if (record.cookieCount() > 0) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < record.cookieCount(); i++) {
                String value = record.cookieValue(i);
                if (value != null
                        && !value.isEmpty()
                        && RequestTemplate.isToken(record.cookieName(i))
                        && isCookieValue(value)) {
                    pairs.add(record.cookieName(i));
                    pairs.add(value);
                }
            }
            cookies = pairs.toArray(NONE);
        }
        String[] created = NONE;
        for (int i = 0; i < record.extraCount(); i++) {
            String name = record.extraName(i);
            String value = record.extraValue(i);
            if (name.startsWith(UPSTREAM_COOKIE)
                    && value != null
                    && !value.isEmpty()
                    && sessionCookies.contains(name.substring(UPSTREAM_COOKIE.length()))) {
                created = append(created, name.substring(UPSTREAM_COOKIE.length()), value);
            }
        }
        byte[] body = record.body();
        return new RecordedRequest(
                record.method(),
                requestTarget(record.uri()),
                headers.toArray(NONE),
                cookies,
                body == null || body.length == 0 ? null : body,
                created);
    }

    /**
     * The logged request target as it goes on the wire: an absolute URI loses its scheme and authority,
     * and every char outside visible ASCII (the log's raw bytes, one char per byte) is percent-encoded.
     */
    static String requestTarget(String uri) {
        String target = uri;
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.indexOf('/') > scheme) {
            int path = uri.indexOf('/', scheme + 3);
            target = path < 0 ? "/" : uri.substring(path);
        }
        if (target.isEmpty() || target.charAt(0) != '/') {
            target = "/" + target;
        }
        StringBuilder encoded = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean visible = c > 0x20 && c < 0x7F;
            if (!visible && encoded == null) {
                encoded = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (encoded != null) {
                if (visible) {
                    encoded.append(c);
                } else {
                    int b = c & 0xFF;
                    encoded.append('%')
                            .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return encoded == null ? target : encoded.toString();
    }

    private static String[] append(String[] pairs, String a, String b) {
        String[] more = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        more[pairs.length] = a;
        more[pairs.length + 1] = b;
        return more;
    }

    private static boolean isCookieValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == ';' || c == ',') {
                return false;
            }
        }
        return true;
    }
}
