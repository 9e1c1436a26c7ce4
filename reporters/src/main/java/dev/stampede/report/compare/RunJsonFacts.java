package dev.stampede.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.engine.measure.RunJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the comparison takes from {@code run.json} (format {@value RunJsonWriter#FORMAT}, version
 * {@value RunJsonWriter#FORMAT_VERSION}, documented on {@link RunJsonWriter}). A newer version is refused;
 * fields it does not need are ignored, missing optional ones read as unknown.
 *
 * @param runId the run's id
 * @param start its start, ISO-8601
 * @param sendingSeconds how long requests were released, NaN when unknown
 * @param achievedRatePerSec the rate the run achieved, NaN when unknown
 * @param generatorFellBehind whether the generator fell behind, null when unknown
 * @param totals the run's outcome totals
 * @param endpoints each endpoint's outcome totals by name, in the run's order
 */
record RunJsonFacts(
        String runId,
        String start,
        double sendingSeconds,
        double achievedRatePerSec,
        Boolean generatorFellBehind,
        RequestCounts totals,
        Map<String, RequestCounts> endpoints) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The facts of {@code dir/run.json}, or empty when the file is missing (a killed run). */
    static Optional<RunJsonFacts> read(Path dir) {
        Path file = dir.resolve(RunJsonWriter.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ResultDirectoryException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        checkFormat(file, root);
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        for (JsonNode endpoint : root.path("endpoints")) {
            endpoints.put(endpoint.path("name").asText(), counts(endpoint.path("totals")));
        }
        JsonNode fellBehind = root.path("generatorFellBehind");
        return Optional.of(new RunJsonFacts(
                root.path("runId").asText(null),
                root.path("start").asText(null),
                root.has("sendingMillis") ? root.path("sendingMillis").asDouble() / 1e3 : Double.NaN,
                root.has("achievedRatePerSec") ? root.path("achievedRatePerSec").asDouble() : Double.NaN,
                fellBehind.isBoolean() ? fellBehind.booleanValue() : null,
                counts(root.path("totals")),
                endpoints));
    }

    private static void checkFormat(Path file, JsonNode root) {
        String format = root.path("format").asText("");
        if (!RunJsonWriter.FORMAT.equals(format)) {
            throw new ResultDirectoryException(file + " is not a stampede run.json (format \"" + format
                    + "\", expected \"" + RunJsonWriter.FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version < 1 || version > RunJsonWriter.FORMAT_VERSION) {
            throw new ResultDirectoryException(file + " has formatVersion " + root.path("formatVersion")
                    + "; this stampede reads version " + RunJsonWriter.FORMAT_VERSION + " (use the stampede that"
                    + " wrote it, or a newer one)");
        }
    }

    private static RequestCounts counts(JsonNode totals) {
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : totals.path("byOutcome").properties()) {
            byCode.put(field.getKey(), field.getValue().asLong());
        }
        return RequestCounts.ofCodes(byCode);
    }
}
