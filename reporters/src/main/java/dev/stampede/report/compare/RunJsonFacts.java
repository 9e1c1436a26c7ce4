package dev.stampede.report.compare;

import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.report.model.RunResults;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the comparison takes from {@code run.json} (documented on {@link RunJsonWriter}), as {@link
 * RunResults} read it.
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

    /** The facts of {@code run} ({@code run.json} as {@link RunResults} read it). */
    static RunJsonFacts of(RunInfo run) {
        Map<String, RequestCounts> endpoints = new LinkedHashMap<>();
        run.endpoints()
                .forEach(e ->
                        endpoints.put(e.name(), RequestCounts.ofCodes(e.totals().byCode())));
        long sendingNanos = run.generator().use().sendingNanos();
        return new RunJsonFacts(
                run.runId(),
                Instant.ofEpochMilli(run.startEpochMillis()).toString(),
                sendingNanos / 1e9,
                run.achievedRatePerSec(),
                run.generator().fellBehind(),
                RequestCounts.ofCodes(run.totals().byCode()),
                endpoints);
    }
}
