package dev.stampede.report.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.OutcomeCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code intervals.jsonl} (the engine's {@link IntervalLog}): its complete lines, in order. A
 * torn last line (a killed run) is left out and noted; so is a complete line that is not an interval.
 */
final class IntervalsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntervalsReader() {}

    /**
     * The intervals of {@code file}.
     *
     * @param notes where to say what was left out
     * @param unknownOutcomes where outcome codes this version does not know go
     * @param leftOut its first element counts the lines left out
     */
    static List<IntervalRecord> read(Path file, List<String> notes, Set<String> unknownOutcomes, int[] leftOut)
            throws IOException {
        long length = CompleteLines.completeLength(file);
        if (length < Files.size(file)) {
            leftOut[0]++;
            notes.add(IntervalLog.FILE_NAME + ": the last line was cut short (the run was stopped while writing it):"
                    + " left out");
        }
        List<IntervalRecord> intervals = new ArrayList<>();
        try (BufferedReader in = CompleteLines.open(file, length)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    intervals.add(interval(JSON.readTree(line), unknownOutcomes));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    leftOut[0]++;
                    notes.add(String.format(
                            Locale.ROOT,
                            "%s line %d is not an interval (%s): left out",
                            IntervalLog.FILE_NAME,
                            number,
                            e.getMessage()));
                }
            }
        }
        return intervals;
    }

    private static IntervalRecord interval(JsonNode node, Set<String> unknownOutcomes) {
        if (!node.isObject()
                || !node.path("sequence").isNumber()
                || !node.path("endSeconds").isNumber()) {
            throw new IllegalArgumentException("no sequence or endSeconds");
        }
        Map<String, OutcomeCounts> endpoints = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("endpoints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> endpoint = it.next();
            endpoints.put(endpoint.getKey(), RunJsonReader.counts(endpoint.getValue(), unknownOutcomes));
        }
        JsonNode targetRate = node.path("targetRate");
        return new IntervalRecord(
                node.path("sequence").asLong(),
                node.path("startSeconds").asDouble(),
                node.path("endSeconds").asDouble(),
                node.path("endEpochMillis").asLong(),
                targetRate.isNumber() ? targetRate.asDouble() : Double.NaN,
                node.path("inFlight").asLong(),
                RunJsonReader.counts(node.path("overall"), unknownOutcomes),
                endpoints);
    }
}
