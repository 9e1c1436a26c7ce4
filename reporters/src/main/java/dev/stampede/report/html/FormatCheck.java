package dev.stampede.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** The check every reader of a versioned result file makes: the right {@code format}, a known version. */
final class FormatCheck {

    private FormatCheck() {}

    static void require(Path file, JsonNode root, String format, int version) throws IOException {
        String actual = root.path("format").asText("");
        if (!actual.equals(format)) {
            throw new IOException(file + ": format is '" + actual + "', expected '" + format + "'");
        }
        int actualVersion = root.path("formatVersion").asInt(-1);
        if (actualVersion != version) {
            throw new IOException(file + ": formatVersion " + root.path("formatVersion")
                    + " is not known to this version of Stampede (it reads " + version + ")");
        }
    }
}
