package dev.stampede.engine.measure;

import dev.stampede.control.guard.SloResult;
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
 * @param mode how the run decided when to send
 * @param versions tool and environment versions (e.g. stampede, java), in the given order
 * @param startEpochMillis when the run started, wall-clock
 * @param endEpochMillis when it ended, wall-clock
 * @param events what happened during the run
 * @param totals outcome counts over all endpoints
 * @param endpoints outcome counts per endpoint, in endpoint index order
 * @param clampedValues values recorded as the highest trackable value
 * @param negativeValues negative values recorded as 0
 * @param generator whether the generator kept to its schedule, and what it used
 */
public record RunInfo(
        String runId,
        String scenario,
        String target,
        RunMode mode,
        Map<String, String> versions,
        long startEpochMillis,
        long endEpochMillis,
        List<RunEvent> events,
        OutcomeCounts totals,
        List<EndpointTotals> endpoints,
        long clampedValues,
        long negativeValues,
        GeneratorHealth generator,
        List<SloResult> slo) {

    /** Copies the collections, keeping the order of {@code versions}. */
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        events = List.copyOf(events);
        slo = List.copyOf(slo);
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
     * The requests attempted (sent, whatever came back) per second of sending, or 0 when the sending
     * time is unknown.
     */
    public double achievedRatePerSec() {
        long sendingNanos = generator.use().sendingNanos();
        return sendingNanos > 0 ? totals.attempted() * 1e9 / sendingNanos : 0;
    }

    /**
     * A fixed-rate run described by its final snapshot, its generator's send lag alone watched (take the
     * snapshot with {@link IntervalRecorder#close()} then {@link IntervalRecorder#latest()}).
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
        return of(
                runId,
                scenario,
                target,
                versions,
                startEpochMillis,
                endEpochMillis,
                events,
                last,
                sendLagThresholdNanos,
                RunMode.FIXED_RATE,
                GeneratorUse.NOT_MEASURED);
    }

    /**
     * The run described by its final snapshot and what its generator used.
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
            long sendLagThresholdNanos,
            RunMode mode,
            GeneratorUse use) {
        List<EndpointTotals> endpoints = last.endpoints().stream()
                .map(e -> new EndpointTotals(e.name(), e.totalCounts()))
                .toList();
        return new RunInfo(
                runId,
                scenario,
                target,
                mode,
                versions,
                startEpochMillis,
                endEpochMillis,
                events,
                last.overall().totalCounts(),
                endpoints,
                last.clampedValues(),
                last.negativeValues(),
                GeneratorHealth.assess(last, sendLagThresholdNanos, use),
                List.of());
    }

    /** This run with its guards' results over the whole run (each guard as a pass/fail SLO). */
    public RunInfo withSlo(List<SloResult> results) {
        return new RunInfo(
                runId,
                scenario,
                target,
                mode,
                versions,
                startEpochMillis,
                endEpochMillis,
                events,
                totals,
                endpoints,
                clampedValues,
                negativeValues,
                generator,
                results);
    }
}
