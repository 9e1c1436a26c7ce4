package dev.stampede.report.files;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import java.io.IOException;
import java.time.Instant;

/**
 * A time as the reporters' JSON files write it; the rest of their style (indent, numbers rounded to what
 * is known, unknown values {@code null}) is {@link ResultFiles}'s, as for every Stampede result file.
 */
final class JsonOut {

    private JsonOut() {}

    /** {@code <name>EpochMillis} and {@code <name>} (ISO-8601, UTC). */
    static void time(JsonGenerator json, String name, long epochMillis) throws IOException {
        json.writeNumberField(name + "EpochMillis", epochMillis);
        json.writeStringField(name, Instant.ofEpochMilli(epochMillis).toString());
    }
}
