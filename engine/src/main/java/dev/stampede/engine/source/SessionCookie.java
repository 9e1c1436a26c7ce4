package dev.stampede.engine.source;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * Which cookie carries a session, and how to read it from a login response. The model's session key
 * says: its first {@code cookie:NAME} part names the cookie ({@code cookie:SESSION,field:...} reads
 * {@code SESSION}); a key without one ({@code ip+ua}, {@code header:...}) takes every cookie the login
 * sets. The captured value is the {@code Cookie} header to send: {@code NAME=value}, or all of them
 * joined with {@code "; "}. Cookie names compare exactly (they are case-sensitive); attributes after
 * the first {@code ;} are ignored. A token returned in a response body cannot be read (the source sees
 * the response head only); its requests go without one and are counted. Immutable.
 */
final class SessionCookie {

    private final String name;

    private SessionCookie(String name) {
        this.name = name;
    }

    /** The rule for a model's {@code sessions.key}. */
    static SessionCookie of(String sessionKey) {
        if (sessionKey != null) {
            for (String part : sessionKey.split(",")) {
                String trimmed = part.trim();
                if (trimmed.startsWith("cookie:") && trimmed.length() > "cookie:".length()) {
                    return new SessionCookie(trimmed.substring("cookie:".length()));
                }
            }
        }
        return new SessionCookie(null);
    }

    /** The cookie's name, or null for every cookie the login sets. */
    String name() {
        return name;
    }

    /** What the report calls it. */
    String describe() {
        return name == null ? "cookie" : name + " cookie";
    }

    /** The {@code Cookie} header value the response's {@code Set-Cookie} headers give, or null for none. */
    String capture(HttpHeaders headers) {
        List<String> setCookies = headers.getAll(HttpHeaderNames.SET_COOKIE);
        StringBuilder all = null;
        for (String setCookie : setCookies) {
            int end = setCookie.indexOf(';');
            String pair = (end < 0 ? setCookie : setCookie.substring(0, end)).trim();
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String cookieName = pair.substring(0, equals).trim();
            if (name != null) {
                if (cookieName.equals(name)) {
                    return cookieName + "=" + pair.substring(equals + 1).trim();
                }
            } else {
                all = all == null ? new StringBuilder() : all.append("; ");
                all.append(cookieName)
                        .append('=')
                        .append(pair.substring(equals + 1).trim());
            }
        }
        return all == null ? null : all.toString();
    }
}
