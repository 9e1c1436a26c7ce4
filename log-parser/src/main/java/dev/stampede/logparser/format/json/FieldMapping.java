package dev.stampede.logparser.format.json;

import static dev.stampede.logparser.format.json.JsonValues.present;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A field map compiled: each entry's path has a slot, and a line's values become record fields. Immutable
 * and stateless, so one instance is every thread's mapper.
 */
final class FieldMapping implements LineMapping, LineMapping.Mapper {

    /** A mapped field and the slot its value lands in. */
    private record Field(FieldSpec spec, int slot) {}

    private final PathTrie paths = new PathTrie();
    private final Field[] byKind = new Field[FieldKind.values().length];
    private final Field[] headers;
    private final Field[] cookies;
    private final String description;

    FieldMapping(List<FieldSpec> specs) {
        List<Field> headerFields = new ArrayList<>();
        List<Field> cookieFields = new ArrayList<>();
        for (FieldSpec spec : specs) {
            Field field = new Field(spec, paths.add(spec.path()));
            switch (spec.kind()) {
                case HEADER -> headerFields.add(field);
                case COOKIE -> cookieFields.add(field);
                default -> byKind[spec.kind().ordinal()] = field;
            }
        }
        headers = headerFields.toArray(new Field[0]);
        cookies = cookieFields.toArray(new Field[0]);
        description = specs.stream().map(FieldSpec::toString).collect(Collectors.joining(","));
    }

    @Override
    public PathTrie paths() {
        return paths;
    }

    @Override
    public Mapper newMapper() {
        return this;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Rejection map(Extraction values, RequestRecord record) {
        Rejection why = mapDurations(values, record);
        if (why == null) {
            why = mapTime(values, record);
        }
        if (why == null) {
            why = mapRequest(values, record);
        }
        if (why == null) {
            why = mapResponse(values, record);
        }
        if (why == null) {
            mapTexts(values, record);
        }
        return why;
    }

    private Rejection mapDurations(Extraction values, RequestRecord record) {
        Field requestTime = field(FieldKind.REQUEST_TIME);
        Field upstreamTime = field(FieldKind.UPSTREAM_TIME);
        String request = value(values, requestTime);
        if (present(request)) {
            long micros = JsonValues.durationMicros(request, requestTime.spec().unit());
            if (micros == JsonValues.INVALID) {
                return bad(Rejection.Reason.BAD_NUMBER, requestTime, values, "is not a duration");
            }
            record.requestTimeMicros(micros);
        }
        String upstream = value(values, upstreamTime);
        if (present(upstream)) {
            long micros =
                    JsonValues.durationMicros(upstream, upstreamTime.spec().unit());
            if (micros == JsonValues.INVALID) {
                return bad(Rejection.Reason.BAD_NUMBER, upstreamTime, values, "is not a duration (or list of them)");
            }
            record.upstreamTimeMicros(micros);
        }
        return null;
    }

    private Rejection mapTime(Extraction values, RequestRecord record) {
        Field start = field(FieldKind.TIME);
        Field end = field(FieldKind.END_TIME);
        Field given = present(value(values, start)) ? start : present(value(values, end)) ? end : null;
        if (given == null) {
            return missing(start != null ? start : end, start != null ? end : null);
        }
        long micros =
                JsonValues.timeMicros(values.value(given.slot()), given.spec().unit());
        if (micros == JsonValues.INVALID) {
            return bad(Rejection.Reason.BAD_TIME, given, values, "is not a time (ISO-8601, CLF or an epoch number)");
        }
        // An end time without a duration is the best start we know: replay is off by that request's time.
        boolean fromEnd = given == end && record.requestTimeMicros() != RequestRecord.UNKNOWN;
        record.startMicros(fromEnd ? micros - record.requestTimeMicros() : micros);
        return null;
    }

    private Rejection mapRequest(Extraction values, RequestRecord record) {
        Field requestLine = field(FieldKind.REQUEST);
        String line = value(values, requestLine);
        if (present(line)) {
            Rejection why = RequestLine.parse(line, requestLine.spec().key(), record);
            if (why != null) {
                return new Rejection(why.reason(), why.field(), values.column(requestLine.slot()), why.detail());
            }
        }
        Field method = field(FieldKind.METHOD);
        if (present(value(values, method))) {
            String text = values.value(method.slot());
            if (!RequestLine.isToken(text, 0, text.length())) {
                return bad(Rejection.Reason.BAD_REQUEST_LINE, method, values, "is not an HTTP method");
            }
            record.method(text);
        }
        mapTarget(values, record);
        String protocol = value(values, field(FieldKind.PROTOCOL));
        if (present(protocol)) {
            record.protocol(JsonValues.protocol(protocol));
        }
        if (record.method() == null) {
            return missing(method != null ? method : requestLine, method != null ? requestLine : null);
        }
        if (record.uri() == null) {
            Field target = field(FieldKind.URI) != null ? field(FieldKind.URI) : field(FieldKind.PATH);
            return missing(target != null ? target : requestLine, target != null ? requestLine : null);
        }
        return null;
    }

    private void mapTarget(Extraction values, RequestRecord record) {
        String uri = value(values, field(FieldKind.URI));
        String path = value(values, field(FieldKind.PATH));
        String query = value(values, field(FieldKind.QUERY));
        if (present(uri)) {
            record.uri(uri);
        } else if (present(path)) {
            record.uri(present(query) ? path + "?" + query : path);
        }
    }

    private Rejection mapResponse(Extraction values, RequestRecord record) {
        Field status = field(FieldKind.STATUS);
        if (present(value(values, status))) {
            int code = JsonValues.status(values.value(status.slot()));
            if (code < 0) {
                return bad(Rejection.Reason.BAD_STATUS, status, values, "is not a 3-digit status");
            }
            record.status(code);
        }
        Field bytes = field(FieldKind.BYTES);
        if (present(value(values, bytes))) {
            long count = JsonValues.count(values.value(bytes.slot()));
            if (count == JsonValues.INVALID) {
                return bad(Rejection.Reason.BAD_NUMBER, bytes, values, "is not a byte count");
            }
            record.bytesSent(count);
        }
        return null;
    }

    private void mapTexts(Extraction values, RequestRecord record) {
        String client = value(values, field(FieldKind.CLIENT));
        if (present(client)) {
            record.clientAddress(RequestHeaders.firstAddress(client));
        }
        String host = value(values, field(FieldKind.HOST));
        if (present(host)) {
            record.host(host);
        }
        String body = value(values, field(FieldKind.BODY));
        if (present(body)) {
            record.body(JsonValues.bytes(body));
        }
        for (Field header : headers) {
            String text = values.value(header.slot());
            if (present(text)) {
                record.header(header.spec().name(), text);
            }
        }
        for (Field cookie : cookies) {
            String text = values.value(cookie.slot());
            if (present(text)) {
                record.cookie(cookie.spec().name(), text);
            }
        }
    }

    private Field field(FieldKind kind) {
        return byKind[kind.ordinal()];
    }

    private static String value(Extraction values, Field field) {
        return field == null ? null : values.value(field.slot());
    }

    /** A value that does not parse: names the field and the column where the value starts. */
    private static Rejection bad(Rejection.Reason reason, Field field, Extraction values, String problem) {
        return new Rejection(
                reason,
                field.spec().key(),
                values.column(field.slot()),
                "'" + abbreviate(values.value(field.slot())) + "' at '"
                        + field.spec().path() + "' " + problem);
    }

    /** A required field the line lacks; {@code alternative} (may be {@code null}) was looked up too. */
    private static Rejection missing(Field field, Field alternative) {
        String detail = "no value at '" + field.spec().path() + "'"
                + (alternative == null
                        ? ""
                        : " (nor at '" + alternative.spec().path() + "' for "
                                + alternative.spec().key() + ")");
        return new Rejection(Rejection.Reason.MISSING_FIELD, field.spec().key(), 0, detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
