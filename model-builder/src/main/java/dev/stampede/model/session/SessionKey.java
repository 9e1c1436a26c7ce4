package dev.stampede.model.session;

import dev.stampede.logparser.RequestRecord;
import java.util.Locale;

/**
 * Which field of a record names its session: {@code cookie:NAME}, {@code header:NAME}, {@code field:NAME}
 * (a variable the format kept as an extra, e.g. nginx {@code $upstream_cookie_SESSION} or a JSON field),
 * {@code query:NAME} (a query parameter such as a user id), or {@code ip+ua}. A record without the
 * chosen field falls back to its client address and user agent, so every record has a session.
 */
public final class SessionKey {

    /** Where the key comes from. */
    public enum Source {
        COOKIE,
        HEADER,
        FIELD,
        QUERY,
        IP_UA
    }

    private final Source source;
    private final String name;

    private SessionKey(Source source, String name) {
        this.source = source;
        this.name = name;
    }

    /** The client address and user agent: what identifies a user when nothing better is logged. */
    public static SessionKey ipAndUserAgent() {
        return new SessionKey(Source.IP_UA, null);
    }

    /**
     * Parses {@code cookie:NAME}, {@code header:NAME}, {@code field:NAME}, {@code query:NAME} or {@code
     * ip+ua}.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static SessionKey parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "empty session key; use cookie:NAME, header:NAME, field:NAME," + " query:NAME or ip+ua");
        }
        if (spec.equals("ip+ua")) {
            return ipAndUserAgent();
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : spec.substring(colon + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("session key '" + spec + "' names no field; e.g. cookie:SESSION");
        }
        return switch (kind) {
            case "cookie" -> new SessionKey(Source.COOKIE, name);
            case "header" -> new SessionKey(Source.HEADER, name.toLowerCase(Locale.ROOT));
            case "field" -> new SessionKey(Source.FIELD, name);
            case "query" -> new SessionKey(Source.QUERY, name);
            default ->
                throw new IllegalArgumentException("session key '" + spec + "': unknown kind '" + kind
                        + "'; use cookie:NAME, header:NAME, field:NAME, query:NAME or ip+ua");
        };
    }

    /** The session of {@code record}: the chosen field's value, else {@code ip|user agent}. */
    public String of(RequestRecord record) {
        String value = switch (source) {
            case COOKIE -> record.cookies().get(name);
            case HEADER -> record.headers().get(name);
            case FIELD -> record.extras().get(name);
            case QUERY -> queryParameter(record.query(), name);
            case IP_UA -> null;
        };
        if (value != null && !value.isEmpty() && !value.equals("-")) {
            return value;
        }
        return "ip:" + record.clientAddress() + "|" + record.headers().get("user-agent");
    }

    /** Whether {@code record} has the chosen field (else {@link #of} fell back to address and agent). */
    public boolean presentIn(RequestRecord record) {
        return !of(record).startsWith("ip:") || source == Source.IP_UA;
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        int from = 0;
        while (from <= query.length()) {
            int end = query.indexOf('&', from);
            if (end < 0) {
                end = query.length();
            }
            int eq = query.indexOf('=', from);
            if (eq > from
                    && eq < end
                    && query.regionMatches(from, name, 0, name.length())
                    && eq - from == name.length()) {
                return query.substring(eq + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    @Override
    public String toString() {
        return source == Source.IP_UA ? "ip+ua" : source.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
