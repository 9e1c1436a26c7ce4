package dev.stampede.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.report.html.ReportData.Slo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code run.json} the page shows (format: {@code engine.measure.RunJsonWriter}). Refuses
 * another {@code format} or a {@code formatVersion} it does not know; ignores fields it does not know.
 */
record RunJsonFile(
        String runId,
        String scenario,
        String target,
        String mode,
        long startEpochMillis,
        long endEpochMillis,
        double achievedRatePerSec,
        Map<String, String> versions,
        List<Slo> slos,
        List<RawEvent> events,
        Map<String, Map<String, Long>> endpointTotals,
        boolean generatorFellBehind,
        String generatorReason) {

    static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event as written: wall-clock time and text. */
    record RawEvent(long epochMillis, String text) {}

    static RunJsonFile read(Path file) throws IOException {
        JsonNode run = JSON.readTree(file.toFile());
        FormatCheck.require(file, run, "stampede-run", 1);
        Map<String, String> versions = new LinkedHashMap<>();
        run.path("versions")
                .fields()
                .forEachRemaining(v -> versions.put(v.getKey(), v.getValue().asText()));
        List<Slo> slos = new ArrayList<>();
        for (JsonNode slo : run.path("slo")) {
            slos.add(new Slo(
                    slo.path("name").asText(),
                    slo.path("rule").asText(),
                    slo.path("judged").asBoolean(),
                    slo.path("passed").asBoolean(),
                    slo.path("worst").asText(""),
                    slo.path("trips").asLong()));
        }
        List<RawEvent> events = new ArrayList<>();
        for (JsonNode event : run.path("events")) {
            events.add(new RawEvent(
                    event.path("epochMillis").asLong(), event.path("text").asText()));
        }
        Map<String, Map<String, Long>> endpoints = new LinkedHashMap<>();
        for (JsonNode endpoint : run.path("endpoints")) {
            endpoints.put(
                    endpoint.path("name").asText(),
                    counts(endpoint.path("totals").path("byOutcome")));
        }
        return new RunJsonFile(
                run.path("runId").asText(""),
                run.path("scenario").asText(""),
                run.path("target").asText(""),
                run.path("mode").asText(""),
                run.path("startEpochMillis").asLong(),
                run.path("endEpochMillis").asLong(),
                run.path("achievedRatePerSec").asDouble(Double.NaN),
                versions,
                slos,
                events,
                endpoints,
                run.path("generatorFellBehind").asBoolean(),
                run.path("generatorFellBehindReason").asText(""));
    }

    private static Map<String, Long> counts(JsonNode byOutcome) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byOutcome.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> count = it.next();
            counts.put(count.getKey(), count.getValue().asLong());
        }
        return counts;
    }
}
