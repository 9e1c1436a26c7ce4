package dev.stampede.model.session;

import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which field of a record names its session: {@code cookie:NAME}, {@code header:NAME}, {@code field:NAME}
 * (a variable the format kept as an extra, e.g. nginx {@code $upstream_cookie_SESSION} or a JSON field),
 * {@code query:NAME} (a query parameter such as a user id), or {@code ip+ua}; several, comma-separated,
 * are tried in order ({@code cookie:SESSION,field:upstream_cookie_SESSION} also gives a login request
 * the session its response created). A record with none of them falls back to its client address and
 * user agent, so every record has a session.
 */
public final class SessionKey {

    /** Where a key comes from. */
    public enum Source {
        COOKIE,
        HEADER,
        FIELD,
        QUERY,
        IP_UA
    }

    private record Part(Source source, String name) {
        String valueIn(RequestRecord record) {
            return switch (source) {
                case COOKIE -> record.cookies().get(name);
                case HEADER -> record.headers().get(name);
                case FIELD -> record.extras().get(name);
                case QUERY -> queryParameter(record.query(), name);
                case IP_UA -> null;
            };
        }

        @Override
        public String toString() {
            return source == Source.IP_UA ? "ip+ua" : source.name().toLowerCase(Locale.ROOT) + ":" + name;
        }
    }

    private final List<Part> parts;

    private SessionKey(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The client address and user agent: what identifies a user when nothing better is logged. */
    public static SessionKey ipAndUserAgent() {
        return new SessionKey(List.of(new Part(Source.IP_UA, null)));
    }

    /**
     * Parses a comma-separated list of {@code cookie:NAME}, {@code header:NAME}, {@code field:NAME},
     * {@code query:NAME} or {@code ip+ua}.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static SessionKey parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "empty session key; use cookie:NAME, header:NAME, field:NAME," + " query:NAME or ip+ua");
        }
        List<Part> parts = new ArrayList<>();
        for (String one : spec.split(",", -1)) {
            parts.add(part(spec, one.trim()));
        }
        return new SessionKey(parts);
    }

    private static Part part(String spec, String one) {
        if (one.equals("ip+ua")) {
            return new Part(Source.IP_UA, null);
        }
        int colon = one.indexOf(':');
        String kind = colon < 0 ? one : one.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : one.substring(colon + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    "session key '" + spec + "': '" + one + "' names no field; e.g. cookie:SESSION");
        }
        return switch (kind) {
            case "cookie" -> new Part(Source.COOKIE, name);
            case "header" -> new Part(Source.HEADER, name.toLowerCase(Locale.ROOT));
            case "field" -> new Part(Source.FIELD, name);
            case "query" -> new Part(Source.QUERY, name);
            default ->
                throw new IllegalArgumentException("session key '" + spec + "': unknown kind '" + kind
                        + "'; use cookie:NAME, header:NAME, field:NAME, query:NAME or ip+ua");
        };
    }

    /** The session of {@code record}: the first chosen field it has, else {@code ip:address|user agent}. */
    public String of(RequestRecord record) {
        String value = keyValue(record);
        return value != null
                ? value
                : "ip:" + record.clientAddress() + "|" + record.headers().get("user-agent");
    }

    /** Whether {@code record} has one of the chosen fields (else {@link #of} fell back to address and agent). */
    public boolean presentIn(RequestRecord record) {
        return keyValue(record) != null || parts.stream().anyMatch(p -> p.source() == Source.IP_UA);
    }

    private String keyValue(RequestRecord record) {
        for (Part part : parts) {
            String value = part.valueIn(record);
            if (value != null && !value.isEmpty() && !value.equals("-")) {
                return part.source() == Source.IP_UA ? null : value;
            }
        }
        return null;
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
            if (eq - from == name.length() && eq < end && query.startsWith(name, from)) {
                return query.substring(eq + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    @Override
    public String toString() {
        return String.join(",", parts.stream().map(Part::toString).toList());
    }

    /** The names this key reads from {@code source}, in the key's order (e.g. the cookies of {@code cookie:NAME}). */
    public List<String> names(Source source) {
        return parts.stream().filter(p -> p.source() == source).map(Part::name).toList();
    }
}
