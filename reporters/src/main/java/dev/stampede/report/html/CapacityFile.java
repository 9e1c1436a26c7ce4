package dev.stampede.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.report.html.ReportData.Capacity;
import dev.stampede.report.html.ReportData.CapacityStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code capacity.json} (format: {@code control.capacity.CapacityJsonWriter}) as the page shows it. */
final class CapacityFile {

    static final String FILE_NAME = "capacity.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CapacityFile() {}

    static Capacity read(Path file) throws IOException {
        JsonNode capacity = JSON.readTree(file.toFile());
        FormatCheck.require(file, capacity, "stampede-capacity", 1);
        List<CapacityStep> steps = new ArrayList<>();
        for (JsonNode step : capacity.path("steps")) {
            steps.add(new CapacityStep(
                    step.path("step").asInt(),
                    step.path("phase").asText(""),
                    number(step, "targetRate"),
                    number(step, "achievedRatePerSec"),
                    step.path("requests").asLong(),
                    number(step, "p50Nanos"),
                    number(step, "p99Nanos"),
                    number(step, "p999Nanos"),
                    number(step, "errorRatio"),
                    number(step, "unsentRatio"),
                    number(step, "sendLagP99Nanos"),
                    step.path("verdict").asText(""),
                    step.path("why").asText("")));
        }
        return new Capacity(
                capacity.path("outcome").asText(""),
                capacity.path("summary").asText(""),
                capacity.path("unit").asText(""),
                number(capacity, "maxSustainableRate"),
                steps);
    }

    /** A number field, NaN when it is null or missing. */
    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? Double.NaN : value.asDouble();
    }
}
