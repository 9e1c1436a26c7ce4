package dev.stampede.report.compare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as the comparison reads it from its result directory.
 *
 * @param directory the result directory
 * @param runId the run's id, null when {@code run.json} is missing
 * @param start the run's start (ISO-8601), null when {@code run.json} is missing
 * @param complete whether the run wrote {@code run.json} (a killed run did not)
 * @param generatorFellBehind whether the run's generator fell behind its schedule, null when unknown
 * @param intervals the complete intervals in {@code latency.hlog}
 * @param overall the whole run (the untagged latency line, the totals)
 * @param endpoints each endpoint by name, in the run's order
 * @param notes what the reader had to work around (missing files, a torn last line), one sentence each
 */
public record ResultRun(
        Path directory,
        String runId,
        String start,
        boolean complete,
        Boolean generatorFellBehind,
        int intervals,
        EndpointResult overall,
        Map<String, EndpointResult> endpoints,
        List<String> notes) {

    /** Copies the collections, keeping the endpoints' order. */
    public ResultRun {
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        notes = List.copyOf(notes);
    }
}
