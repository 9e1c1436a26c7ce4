package dev.stampede.report.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.stampede.common.files.ResultFiles;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * JSON written the way every Stampede result file is (as the engine's {@code run.json}): two-space
 * indent, {@code \n} line ends, fields in a fixed order, numbers rounded to what is known and written
 * without needless zeros, unknown values {@code null}; so the same input gives the same bytes.
 */
final class JsonOut {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonOut() {}

    /** A generator writing to {@code out} in that style. */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.setPrettyPrinter(ResultFiles.prettyPrinter());
        return json;
    }

    /** {@code value} rounded to {@code decimals}; null when NaN or infinite. */
    static void number(JsonGenerator json, String name, double value, int decimals) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullField(name);
            return;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        if (decimals == 0 || rounded.stripTrailingZeros().scale() <= 0) {
            json.writeNumberField(name, rounded.longValueExact());
        } else {
            json.writeNumberField(name, rounded.stripTrailingZeros());
        }
    }

    /** {@code <name>EpochMillis} and {@code <name>} (ISO-8601, UTC). */
    static void time(JsonGenerator json, String name, long epochMillis) throws IOException {
        json.writeNumberField(name + "EpochMillis", epochMillis);
        json.writeStringField(name, Instant.ofEpochMilli(epochMillis).toString());
    }
}
