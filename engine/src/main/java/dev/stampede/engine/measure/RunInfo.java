package dev.stampede.engine.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code run.json} says about a run. Immutable.
 *
 * @param runId the run's id (in {@code baggage} and every trace id of the run)
 * @param scenario the scenario's name
 * @param target the target base URL
 * @param versions tool and environment versions (e.g. stampede, java), in the given order
 * @param startEpochMillis when the run started, wall-clock
 * @param endEpochMillis when it ended, wall-clock
 * @param events what happened during the run
 * @param totals outcome counts over all endpoints
 * @param endpoints outcome counts per endpoint, in endpoint index order
 * @param clampedValues values recorded as the highest trackable value
 * @param negativeValues negative values recorded as 0
 * @param generator whether the generator kept to its schedule
 */
public record RunInfo(
        String runId,
        String scenario,
        String target,
        Map<String, String> versions,
        long startEpochMillis,
        long endEpochMillis,
        List<RunEvent> events,
        OutcomeCounts totals,
        List<EndpointTotals> endpoints,
        long clampedValues,
        long negativeValues,
        GeneratorHealth generator) {

    /** Copies the collections, keeping the order of {@code versions}. */
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(target, "target");
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        events = List.copyOf(events);
        Objects.requireNonNull(totals, "totals");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(generator, "generator");
    }

    /**
     * One endpoint's outcome counts.
     *
     * @param name the endpoint's name
     * @param totals its outcome counts
     */
    public record EndpointTotals(String name, OutcomeCounts totals) {}

    /**
     * The run described by its final snapshot (take it with {@link IntervalRecorder#close()} then {@link
     * IntervalRecorder#latest()}).
     *
     * @param sendLagThresholdNanos see {@link GeneratorHealth#DEFAULT_THRESHOLD_NANOS}
     */
    public static RunInfo of(
            String runId,
            String scenario,
            String target,
            Map<String, String> versions,
            long startEpochMillis,
            long endEpochMillis,
            List<RunEvent> events,
            LiveSnapshot last,
            long sendLagThresholdNanos) {
        List<EndpointTotals> endpoints = last.endpoints().stream()
                .map(e -> new EndpointTotals(e.name(), e.totalCounts()))
                .toList();
        return new RunInfo(
                runId,
                scenario,
                target,
                versions,
                startEpochMillis,
                endEpochMillis,
                events,
                last.overall().totalCounts(),
                endpoints,
                last.clampedValues(),
                last.negativeValues(),
                GeneratorHealth.assess(last, sendLagThresholdNanos));
    }
}
