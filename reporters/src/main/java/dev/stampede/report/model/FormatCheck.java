package dev.stampede.report.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The rules every versioned JSON result file is read by: its format and a version this build knows. */
final class FormatCheck {

    private FormatCheck() {}

    /**
     * Reads {@code file} as a JSON object of {@code format}, version {@code version}.
     *
     * @throws InvalidResultsException when it is not JSON, another format, or another version
     */
    static JsonNode read(ObjectMapper json, Path file, String format, int version) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidResultsException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null
                || !node.isObject()
                || !format.equals(node.path("format").asText())) {
            throw new InvalidResultsException(file + " is not a " + format + " file (its \"format\" is "
                    + (node == null ? "missing" : node.path("format")) + ")");
        }
        int found = node.path("formatVersion").asInt(-1);
        if (found != version) {
            throw new InvalidResultsException(file + " has formatVersion " + node.path("formatVersion")
                    + "; this version of stampede reads " + format + " version " + version + " (formatVersion "
                    + node.path("formatVersion") + " is not known to it: use the stampede that wrote it)");
        }
        return node;
    }

    /** A required text field. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not text");
        }
        return value.asText();
    }
}
