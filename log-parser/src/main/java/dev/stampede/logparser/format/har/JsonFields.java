package dev.stampede.logparser.format.har;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Walking a JSON document with Jackson's streaming parser, leniently: a value of an unexpected type is
 * skipped and read as absent, so one odd field does not cost the whole entry. Values not asked for are
 * skipped without being decoded, which is what keeps response bodies out of memory.
 */
final class JsonFields {

    /** Called with the parser on a field's value; whatever the handler leaves unread is skipped. */
    @FunctionalInterface
    interface FieldHandler {
        void field(String name, JsonParser parser) throws IOException;
    }

    /** Called with the parser on an array element; whatever the handler leaves unread is skipped. */
    @FunctionalInterface
    interface ElementHandler {
        void element(JsonParser parser) throws IOException;
    }

    private JsonFields() {}

    /**
     * Reads the object the parser is on, field by field.
     *
     * @return {@code false} (having skipped the value) when the current value is not an object
     */
    static boolean object(JsonParser parser, FieldHandler handler) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return false;
        }
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            handler.field(name, parser);
            parser.skipChildren();
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "the document ends inside an object");
        }
        return true;
    }

    /**
     * Reads the array the parser is on, element by element.
     *
     * @return {@code false} (having skipped the value) when the current value is not an array
     */
    static boolean array(JsonParser parser, ElementHandler handler) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return false;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "the document ends inside an array");
            }
            handler.element(parser);
            parser.skipChildren();
        }
        return true;
    }

    /** The current value as text (a number or boolean as written), or {@code null} for null or a container. */
    static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** The current value as a finite number (a numeric string too), or {@code NaN} when it is none. */
    static double number(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        double value = Double.NaN;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = parser.getDoubleValue();
        } else if (token == JsonToken.VALUE_STRING) {
            value = parseDouble(parser.getText().strip());
        } else {
            parser.skipChildren();
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    private static double parseDouble(String text) {
        // Double.parseDouble also reads "NaN", "Infinity" and hex floats; a producer writing a number as a
        // string writes plain decimal, so only that is accepted.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
