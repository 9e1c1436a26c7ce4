package dev.stampede.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One endpoint (or the whole run) compared.
 *
 * @param name the endpoint's name
 * @param latency the latency metrics, in {@link LatencyMetric#ALL} order
 * @param errors the error rate
 * @param baselineRatePerSec the baseline's achieved rate, NaN when unknown
 * @param candidateRatePerSec the candidate's achieved rate, NaN when unknown
 */
public record EndpointComparison(
        String name,
        List<LatencyDelta> latency,
        ErrorDelta errors,
        double baselineRatePerSec,
        double candidateRatePerSec) {

    /** Copies the list. */
    public EndpointComparison {
        latency = List.copyOf(latency);
    }

    /** The most severe verdict of its metrics (see {@link Verdict}). */
    public Verdict verdict() {
        List<Verdict> verdicts = new ArrayList<>();
        latency.forEach(delta -> verdicts.add(delta.verdict()));
        verdicts.add(errors.verdict());
        return Verdict.worst(verdicts);
    }

    /** Whether any of its metrics is inconclusive. */
    public boolean anyInconclusive() {
        return errors.verdict() == Verdict.INCONCLUSIVE
                || latency.stream().anyMatch(delta -> delta.verdict() == Verdict.INCONCLUSIVE);
    }
}
