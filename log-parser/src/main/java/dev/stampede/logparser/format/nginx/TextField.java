package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.Escapes;

/**
 * A variable kept as text under a name: {@code $http_<name>} as a header, {@code $cookie_<name>} as a
 * cookie, any variable Stampede does not interpret as an extra field. {@code -} (nginx's "not set") is
 * left out. A record rather than a lambda so that {@link ByteVariables} can see what it stores.
 *
 * @param key the header (lower case), cookie or field name
 */
record TextField(Kind kind, String key) implements Decoder {

    /** Where the value goes. */
    enum Kind {
        HEADER,
        COOKIE,
        EXTRA
    }

    @Override
    public Rejection decode(String line, int start, int end, RequestRecord record, LineState state) {
        if (!(end - start == 1 && line.charAt(start) == '-')) {
            put(record, Escapes.unescape(line.substring(start, end)));
        }
        return null;
    }

    /** Stores an unescaped value. */
    void put(RequestRecord record, String value) {
        switch (kind) {
            case HEADER -> record.lowerCaseHeader(key, value);
            case COOKIE -> record.cookie(key, value);
            default -> record.extra(key, value);
        }
    }
}
