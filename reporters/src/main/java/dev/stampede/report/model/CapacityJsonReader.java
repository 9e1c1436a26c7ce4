package dev.stampede.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.control.capacity.CapacityJsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code capacity.json} (the traffic controller's {@link CapacityJsonWriter}) into a {@link CapacityTable}. */
public final class CapacityJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CapacityJsonReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws InvalidResultsException when it is not a {@code capacity.json} this version reads
     */
    public static CapacityTable read(Path file) throws IOException {
        JsonNode node = FormatCheck.read(JSON, file, CapacityJsonWriter.FORMAT, CapacityJsonWriter.FORMAT_VERSION);
        List<CapacityTable.Step> steps = new ArrayList<>();
        for (JsonNode step : node.path("steps")) {
            steps.add(new CapacityTable.Step(
                    step.path("step").asInt(),
                    step.path("phase").asText(),
                    number(step, "targetRate"),
                    number(step, "achievedRatePerSec"),
                    number(step, "startSeconds"),
                    number(step, "endSeconds"),
                    step.path("requests").asLong(),
                    number(step, "p50Nanos"),
                    number(step, "p99Nanos"),
                    number(step, "p999Nanos"),
                    number(step, "errorRatio"),
                    number(step, "unsentRatio"),
                    number(step, "sendLagP99Nanos"),
                    "good".equals(step.path("verdict").asText()),
                    step.path("why").asText("")));
        }
        return new CapacityTable(
                node.path("outcome").asText(),
                node.path("summary").asText(),
                node.path("unit").asText(),
                number(node, "maxSustainableRate"),
                number(node, "lastGoodRate"),
                number(node, "firstBadRate"),
                steps);
    }

    /** A number field, NaN when null or missing. */
    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
