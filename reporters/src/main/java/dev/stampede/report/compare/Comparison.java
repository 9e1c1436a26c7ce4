package dev.stampede.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A baseline run compared with a candidate: what {@code compare.json}, the table and the HTML section
 * show.
 *
 * @param baseline who the baseline is
 * @param candidate who the candidate is
 * @param rules the rules the verdicts followed
 * @param overall the whole run (all endpoints together)
 * @param endpoints the endpoints both runs have, in the baseline's order
 * @param onlyInBaseline endpoints the candidate does not have (not judged)
 * @param onlyInCandidate endpoints the baseline does not have (not judged)
 * @param notes what a reader should know before trusting the verdict (different rates, a generator that
 *     fell behind, a killed run), one sentence each
 */
public record Comparison(
        RunSummary baseline,
        RunSummary candidate,
        CompareRules rules,
        EndpointComparison overall,
        List<EndpointComparison> endpoints,
        List<String> onlyInBaseline,
        List<String> onlyInCandidate,
        List<String> notes) {

    /** Copies the lists. */
    public Comparison {
        endpoints = List.copyOf(endpoints);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCandidate = List.copyOf(onlyInCandidate);
        notes = List.copyOf(notes);
    }

    /** The most severe verdict of the whole run and every endpoint: the CI's answer. */
    public Verdict verdict() {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(overall.verdict());
        endpoints.forEach(endpoint -> verdicts.add(endpoint.verdict()));
        return Verdict.worst(verdicts);
    }

    /** Whether any metric, overall or of an endpoint, is inconclusive. */
    public boolean anyInconclusive() {
        return overall.anyInconclusive() || endpoints.stream().anyMatch(EndpointComparison::anyInconclusive);
    }
}
