package dev.stampede.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.engine.measure.IntervalLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome counts of {@code intervals.jsonl} (documented on {@link IntervalLog}) summed over the run:
 * what a killed run, which has no {@code run.json}, still says about its errors. A line that does not
 * parse is skipped with a note (the last line of a killed run may be torn).
 *
 * @param totals the counts over all endpoints
 * @param endpoints each endpoint's counts by name, in the order of first appearance
 * @param intervals the lines read
 * @param spanSeconds from the first interval's start to the last one's end, 0 without intervals
 * @param notes what was worked around
 */
record IntervalCounts(
        RequestCounts totals,
        Map<String, RequestCounts> endpoints,
        int intervals,
        double spanSeconds,
        List<String> notes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counts of {@code dir/intervals.jsonl}, or empty when there is no such file. */
    static Optional<IntervalCounts> read(Path dir) {
        Path file = dir.resolve(IntervalLog.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RequestCounts totals = RequestCounts.ZERO;
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int intervals = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        int lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode interval;
                try {
                    interval = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    notes.add(file + ":" + lineNumber + " does not parse (a torn last line of a killed run?); skipped");
                    continue;
                }
                totals = totals.plus(counts(interval.path("overall")));
                for (Map.Entry<String, JsonNode> endpoint :
                        interval.path("endpoints").properties()) {
                    endpoints.merge(endpoint.getKey(), counts(endpoint.getValue()), RequestCounts::plus);
                }
                if (Double.isNaN(first)) {
                    first = interval.path("startSeconds").asDouble();
                }
                last = interval.path("endSeconds").asDouble();
                intervals++;
            }
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        double span = intervals == 0 ? 0 : last - first;
        return Optional.of(new IntervalCounts(totals, endpoints, intervals, span, notes));
    }

    private static RequestCounts counts(JsonNode byCode) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : byCode.properties()) {
            map.put(field.getKey(), field.getValue().asLong());
        }
        return RequestCounts.ofCodes(map);
    }
}
