package dev.stampede.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code intervals.jsonl} read in one pass (format: {@code engine.measure.IntervalLog}): per interval its
 * times, target rate, requests in flight and counts by error class; per endpoint and overall the summed
 * counts by outcome code. A line that cannot be parsed (the torn last line of a killed run) is skipped and
 * counted. Memory: a dozen numbers per interval, whatever the number of endpoints.
 */
final class IntervalCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    final DoubleList endSeconds = new DoubleList();
    final DoubleList lengthSeconds = new DoubleList();
    final DoubleList targetRate = new DoubleList();
    final DoubleList inFlight = new DoubleList();
    /** Attempted requests (every outcome but the unsent ones). */
    final DoubleList attempted = new DoubleList();
    /** Counts per interval by {@link Columns#classOf class} ({@link Columns#OK} and the error classes). */
    final Map<String, DoubleList> byClass = new LinkedHashMap<>();
    /** Summed counts by outcome code per endpoint, in the order the file names them. */
    final Map<String, Map<String, Long>> endpointTotals = new LinkedHashMap<>();

    final Map<String, Long> overallTotals = new LinkedHashMap<>();
    int skippedLines;

    private IntervalCounts() {
        byClass.put(Columns.OK, new DoubleList());
        for (String errorClass : Columns.ERROR_CLASSES) {
            byClass.put(errorClass, new DoubleList());
        }
    }

    static IntervalCounts read(Path file) throws IOException {
        IntervalCounts counts = new IntervalCounts();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode interval;
                try {
                    interval = JSON.readTree(line);
                } catch (IOException e) {
                    counts.skippedLines++;
                    continue;
                }
                counts.add(interval);
            }
        }
        return counts;
    }

    int size() {
        return endSeconds.size();
    }

    private void add(JsonNode interval) {
        double start = interval.path("startSeconds").asDouble(Double.NaN);
        double end = interval.path("endSeconds").asDouble(Double.NaN);
        endSeconds.add(end);
        lengthSeconds.add(end - start);
        JsonNode target = interval.get("targetRate");
        targetRate.add(target == null || !target.isNumber() ? Double.NaN : target.asDouble());
        inFlight.add(interval.path("inFlight").asDouble(Double.NaN));
        Map<String, Double> classes = new LinkedHashMap<>();
        long attemptedCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = interval.path("overall").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> count = it.next();
            long value = count.getValue().asLong();
            String errorClass = Columns.classOf(count.getKey());
            classes.merge(errorClass, (double) value, Double::sum);
            overallTotals.merge(count.getKey(), value, Long::sum);
            if (!errorClass.equals(Columns.ERRORS_UNSENT)) {
                attemptedCount += value;
            }
        }
        attempted.add(attemptedCount);
        for (Map.Entry<String, DoubleList> column : byClass.entrySet()) {
            column.getValue().add(classes.getOrDefault(column.getKey(), 0.0));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        interval.path("endpoints").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> endpoint = it.next();
            Map<String, Long> totals = endpointTotals.computeIfAbsent(endpoint.getKey(), k -> new LinkedHashMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> c = endpoint.getValue().fields(); c.hasNext(); ) {
                Map.Entry<String, JsonNode> count = c.next();
                totals.merge(count.getKey(), count.getValue().asLong(), Long::sum);
            }
        }
    }
}
