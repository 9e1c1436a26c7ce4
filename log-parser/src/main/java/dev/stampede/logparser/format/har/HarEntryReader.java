package dev.stampede.logparser.format.har;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one entry object into a {@link HarEntry}, streaming; everything else in the entry is skipped. */
final class HarEntryReader {

    private HarEntryReader() {}

    /** Reads the entry object the parser is on (the caller checked it is an object). */
    static void read(JsonParser parser, HarEntry entry) throws IOException {
        JsonFields.object(parser, (name, value) -> {
            switch (name) {
                case "startedDateTime" -> entry.startedDateTime = JsonFields.text(value);
                case "request" -> JsonFields.object(value, (field, v) -> request(field, v, entry));
                case "response" -> JsonFields.object(value, (field, v) -> response(field, v, entry));
                case "timings" -> JsonFields.object(value, (field, v) -> timing(field, v, entry));
                default -> {}
            }
        });
    }

    private static void request(String name, JsonParser value, HarEntry entry) throws IOException {
        switch (name) {
            case "method" -> entry.method = JsonFields.text(value);
            case "url" -> entry.url = JsonFields.text(value);
            case "httpVersion" -> entry.httpVersion = JsonFields.text(value);
            case "headers" -> JsonFields.array(value, element -> pair(element, entry.headers));
            case "cookies" -> JsonFields.array(value, element -> pair(element, entry.cookies));
            case "postData" -> entry.hasPostData = JsonFields.object(value, (field, v) -> postData(field, v, entry));
            default -> {}
        }
    }

    private static void postData(String name, JsonParser value, HarEntry entry) throws IOException {
        switch (name) {
            case "text" -> entry.postText = JsonFields.text(value);
            case "encoding" -> entry.postEncoding = JsonFields.text(value);
            case "mimeType" -> entry.postMimeType = JsonFields.text(value);
            case "params" -> JsonFields.array(value, element -> pair(element, entry.postParams));
            default -> {}
        }
    }

    private static void response(String name, JsonParser value, HarEntry entry) throws IOException {
        switch (name) {
            case "status" -> entry.status = JsonFields.number(value);
            case "bodySize" -> entry.responseBodySize = JsonFields.number(value);
            case "content" ->
                JsonFields.object(value, (field, v) -> {
                    if (field.equals("size")) {
                        entry.contentSize = JsonFields.number(v);
                    }
                });
            default -> {}
        }
    }

    private static void timing(String name, JsonParser value, HarEntry entry) throws IOException {
        switch (name) {
            case "send" -> entry.sendMs = JsonFields.number(value);
            case "wait" -> entry.waitMs = JsonFields.number(value);
            case "receive" -> entry.receiveMs = JsonFields.number(value);
            default -> {}
        }
    }

    /** A {@code {"name": ..., "value": ...}} element; one without a name is left out. */
    private static void pair(JsonParser element, java.util.List<String[]> into) throws IOException {
        String[] pair = new String[2];
        JsonFields.object(element, (field, v) -> {
            if (field.equals("name")) {
                pair[0] = JsonFields.text(v);
            } else if (field.equals("value")) {
                pair[1] = JsonFields.text(v);
            }
        });
        if (pair[0] != null) {
            into.add(pair);
        }
    }
}
