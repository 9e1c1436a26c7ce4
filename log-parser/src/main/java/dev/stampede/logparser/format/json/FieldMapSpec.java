package dev.stampede.logparser.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a field map, {@code field=path[:unit],...} or a JSON object {@code {"field": "path[:unit]"}}, into
 * {@link FieldSpec}s. Every mistake is an {@link IllegalArgumentException} that points at the entry: a
 * caret under the inline text, or {@code file:line:col} in a mapping file.
 */
final class FieldMapSpec {

    private FieldMapSpec() {}

    /** The inline form, {@code time=@timestamp,method=request.method,...}. */
    static List<FieldSpec> parseInline(String spec) {
        List<FieldSpec> fields = new ArrayList<>();
        int start = 0;
        while (start <= spec.length()) {
            int comma = spec.indexOf(',', start);
            int end = comma < 0 ? spec.length() : comma;
            String entry = spec.substring(start, end);
            if (!entry.isBlank()) {
                int equals = entry.indexOf('=');
                String key = (equals < 0 ? entry : entry.substring(0, equals)).strip();
                String value = equals < 0 ? null : entry.substring(equals + 1).strip();
                try {
                    fields.add(entry(key, value));
                } catch (IllegalArgumentException e) {
                    int caret = start + (entry.length() - entry.stripLeading().length());
                    throw new IllegalArgumentException(
                            e.getMessage() + "\n  " + spec + "\n  " + " ".repeat(caret) + "^", e);
                }
            }
            start = end + 1;
        }
        return validate(fields, "the field map '" + spec + "'");
    }

    /**
     * The JSON object form.
     *
     * @param origin where {@code json} came from (a file name), for messages
     */
    static List<FieldSpec> parseJson(String json, String origin, JsonFactory factory) {
        List<FieldSpec> fields = new ArrayList<>();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(
                        origin, parser.currentTokenLocation(), "a field map is a JSON object of \"field\": \"path\"");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                JsonLocation at = parser.currentTokenLocation();
                if (value != JsonToken.VALUE_STRING) {
                    throw error(origin, at, "the path of '" + key + "' must be a string");
                }
                try {
                    fields.add(entry(key, parser.getText()));
                } catch (IllegalArgumentException e) {
                    throw error(origin, at, e.getMessage());
                }
            }
            if (parser.nextToken() != null) {
                throw error(origin, parser.currentTokenLocation(), "more content after the field map");
            }
        } catch (JsonProcessingException e) {
            throw error(origin, e.getLocation(), "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
        return validate(fields, origin);
    }

    private static FieldSpec entry(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("expected field=path, found '" + key + "'");
        }
        FieldKind kind = FieldKind.of(key);
        if (kind == null) {
            String hint = key.equals("wrap") || key.equals("inner")
                    ? " (a wrapper, wrap=<field>,inner=<format>, needs its inner format: see"
                            + " JsonLinesFormat.wrapping)"
                    : "";
            throw new IllegalArgumentException(
                    "unknown field '" + key + "'" + hint + "; known fields: " + FieldKind.known());
        }
        String name = kind.isPrefix() ? key.substring(kind.key().length()) : null;
        String path = value;
        Unit unit = null;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && Unit.of(value.substring(colon + 1)) != null) {
            unit = Unit.of(value.substring(colon + 1));
            path = value.substring(0, colon);
            if (!kind.takesUnit()) {
                throw new IllegalArgumentException(
                        "'" + key + "' takes no unit; only time, end_time, request_time and upstream_time do");
            }
        }
        JsonPath.spellings(path); // throws on a malformed path, here where the message can point at it
        return new FieldSpec(kind, name, path, unit);
    }

    private static List<FieldSpec> validate(List<FieldSpec> fields, String origin) {
        Set<String> keys = new LinkedHashSet<>();
        Set<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
        for (FieldSpec field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException(origin + ": '" + field.key() + "' is mapped twice");
            }
            kinds.add(field.kind());
        }
        if (!kinds.contains(FieldKind.TIME) && !kinds.contains(FieldKind.END_TIME)) {
            throw new IllegalArgumentException(
                    origin + " maps no time: add time=<path> (when requests started) or end_time=<path>");
        }
        boolean split =
                kinds.contains(FieldKind.METHOD) && (kinds.contains(FieldKind.URI) || kinds.contains(FieldKind.PATH));
        if (!split && !kinds.contains(FieldKind.REQUEST)) {
            throw new IllegalArgumentException(
                    origin + " maps no request: add method=<path> with uri=<path> (or path=<path>), or request=<path>");
        }
        if (kinds.contains(FieldKind.QUERY) && !kinds.contains(FieldKind.PATH)) {
            throw new IllegalArgumentException(origin + ": query=<path> goes with path=<path>");
        }
        return List.copyOf(fields);
    }

    private static IllegalArgumentException error(String origin, JsonLocation at, String message) {
        String where = at == null ? origin : origin + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new IllegalArgumentException(where + ": " + message);
    }
}
