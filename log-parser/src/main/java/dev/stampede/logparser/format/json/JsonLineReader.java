package dev.stampede.logparser.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.stampede.logparser.Rejection;
import java.io.IOException;

/**
 * Reads one JSON line with Jackson's streaming parser into an {@link Extraction}, following only the
 * branches of the {@link PathTrie}: everything else is skipped token by token (still checked for syntax)
 * and never materialized, so a line costs a parser and the strings of its mapped values. Recursion only
 * follows mapped paths, so its depth is bounded by the spec, not by the input.
 */
final class JsonLineReader {

    private final JsonFactory factory;
    private final PathNode root;

    JsonLineReader(JsonFactory factory, PathNode root) {
        this.factory = factory;
        this.root = root;
    }

    /**
     * Fills {@code out} from {@code line}.
     *
     * @return {@code null}, or a {@code bad-json} rejection with the column where parsing stopped
     */
    Rejection read(String line, Extraction out) {
        out.reset();
        try (JsonParser parser = factory.createParser(line)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new Rejection(
                        Rejection.Reason.BAD_JSON,
                        null,
                        column(parser.currentTokenLocation()),
                        "a JSON line must be an object, this one starts with " + describe(first));
            }
            readObject(parser, root, line, out);
            if (parser.nextToken() != null) {
                return new Rejection(
                        Rejection.Reason.BAD_JSON,
                        null,
                        column(parser.currentTokenLocation()),
                        "more content after the end of the JSON object");
            }
            return null;
        } catch (JsonProcessingException e) {
            return new Rejection(Rejection.Reason.BAD_JSON, null, column(e.getLocation()), message(e));
        } catch (IOException e) {
            // A String source has no I/O; Jackson declares it all the same.
            return new Rejection(Rejection.Reason.BAD_JSON, null, 0, String.valueOf(e.getMessage()));
        }
    }

    /** Reads the fields of the object whose START_OBJECT is the current token. */
    private static void readObject(JsonParser parser, PathNode node, String line, Extraction out) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            PathNode child = node.property(parser.currentName());
            JsonToken value = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
            } else {
                readValue(parser, value, child, line, out);
            }
        }
    }

    /** Reads the elements of the array whose START_ARRAY is the current token. */
    private static void readArray(JsonParser parser, PathNode node, String line, Extraction out) throws IOException {
        int index = 0;
        JsonToken value;
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY && value != null) {
            PathNode child = node.element(index++);
            if (child == null) {
                parser.skipChildren();
            } else {
                readValue(parser, value, child, line, out);
            }
        }
    }

    private static void readValue(JsonParser parser, JsonToken value, PathNode node, String line, Extraction out)
            throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            long start = node.slot() >= 0 ? parser.currentTokenLocation().getCharOffset() : -1;
            if (value == JsonToken.START_OBJECT && node.hasProperties()) {
                readObject(parser, node, line, out);
            } else if (value == JsonToken.START_ARRAY && node.hasElements()) {
                readArray(parser, node, line, out);
            } else {
                parser.skipChildren();
            }
            if (start >= 0) {
                // A mapped object or array is kept as its raw JSON text (e.g. a body logged as an object).
                int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                out.offer(node.slot(), node.rank(), line.substring((int) start, end), (int) start + 1);
            }
        } else if (node.slot() >= 0 && value != JsonToken.VALUE_NULL && value != null) {
            out.offer(node.slot(), node.rank(), parser.getText(), column(parser.currentTokenLocation()));
        }
    }

    private static int column(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getColumnNr());
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    private static String message(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        // Jackson's messages can quote long stretches of the line; the rejection has the column already.
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() <= 160 ? first : first.substring(0, 157) + "...";
    }
}
