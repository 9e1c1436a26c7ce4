package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.format.Escapes;
import dev.stampede.logparser.format.RequestLine;

/** Directives whose text the record keeps: client, host, request, headers, cookies. */
final class TextFields {

    private TextFields() {}

    /** Client ranks: the peer ({@code %{c}a}) below the remote host below the client IP below X-Forwarded-For. */
    static final int PEER = 1;

    static final int REMOTE_HOST = 2;
    static final int CLIENT_IP = 3;
    static final int FORWARDED_FOR = 4;

    /** Host ranks: {@code %v} below {@code %V} below the Host header. */
    static final int CANONICAL_NAME = 1;

    static final int SERVER_NAME = 2;
    static final int HOST_HEADER = 3;

    /** {@code %h}, {@code %a}, {@code %{c}a}: the first address of a comma-separated list. */
    record Client(String name, int rank) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            offerClient(line, start, end, rank, state);
            return null;
        }
    }

    /** {@code %v}, {@code %V}. */
    record Host(String name, int rank) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (end > start && !Digits.isDash(line, start, end) && state.wantsHost(rank)) {
                state.host(line.substring(start, end), rank);
            }
            return null;
        }
    }

    /**
     * {@code %{Name}i}: a request header ({@code -} is "not sent"). {@code Host} also gives the record's host,
     * {@code X-Forwarded-For} its client.
     *
     * @param header the header's name, lower case
     */
    record RequestHeader(String name, String header) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (Digits.isDash(line, start, end)) {
                return null;
            }
            String value = Escapes.unescape(line.substring(start, end));
            state.record.header(header, value);
            if (header.equals("host") && !value.isEmpty() && state.wantsHost(HOST_HEADER)) {
                state.host(value, HOST_HEADER);
            } else if (header.equals("x-forwarded-for")) {
                offerClient(value, 0, value.length(), FORWARDED_FOR, state);
            }
            return null;
        }
    }

    /** {@code %{Name}C}: a request cookie ({@code -} is "not sent"). */
    record Cookie(String name, String cookie) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (!Digits.isDash(line, start, end)) {
                state.record.cookie(cookie, Escapes.unescape(line.substring(start, end)));
            }
            return null;
        }
    }

    /** {@code %r}: method, uri and protocol. */
    record RequestLineField(String name) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            String raw = line.substring(start, end);
            String text = Escapes.unescape(raw);
            Rejection why = RequestLine.parse(text, name, state.record);
            state.requestLineSeen = true;
            if (why == null) {
                return null;
            }
            // Columns within the request line hold only while unescaping changed nothing.
            int column = why.column() > 0 && text.equals(raw) ? start + why.column() : start + 1;
            return new Rejection(why.reason(), name, column, why.detail());
        }
    }

    /** {@code %m}, {@code %U}, {@code %q}, {@code %H}: the request in parts, used when {@code %r} is absent. */
    record RequestPart(String name, Part part) implements FieldDecoder {
        enum Part {
            METHOD,
            PATH,
            QUERY,
            PROTOCOL
        }

        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (end == start || (part != Part.QUERY && Digits.isDash(line, start, end))) {
                return null;
            }
            String value = Escapes.unescape(line.substring(start, end));
            switch (part) {
                case METHOD -> state.method = value;
                case PATH -> state.path = value;
                case QUERY -> state.query = value;
                case PROTOCOL -> state.protocol = value;
            }
            return null;
        }
    }

    private static void offerClient(String text, int start, int end, int rank, LineState state) {
        if (!state.wantsClient(rank)) {
            return;
        }
        int comma = text.indexOf(',', start);
        int last = comma >= 0 && comma < end ? comma : end;
        int first = start;
        while (first < last && text.charAt(first) == ' ') {
            first++;
        }
        while (last > first && text.charAt(last - 1) == ' ') {
            last--;
        }
        if (last > first && !Digits.isDash(text, first, last)) {
            state.client(text.substring(first, last), rank);
        }
    }
}
