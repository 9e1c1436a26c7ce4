package dev.stampede.model.fidelity;

import java.util.List;
import java.util.Map;

/**
 * How closely traffic generated from a model matches its source: {@code coverage} (share of source
 * requests whose endpoint the generated traffic contains), {@code mixDistance} (total variation between
 * the endpoint mixes, 0 to 1), the two-sample KS distances of think times and session lengths, and the
 * dispersion index of per-second counts in the source and in model traffic replayed on the source's
 * session arrivals. {@code failures} lists each threshold missed; empty means passed. Written as
 * {@code fidelity.json}.
 */
public record FidelityReport(
        double coverage,
        double mixDistance,
        double thinkTimeKs,
        double sessionLengthKs,
        double sourceDispersionIndex,
        double modelDispersionIndex,
        long sourceRequests,
        long generatedRequests,
        long generatedSessions,
        Map<String, Double> worstEndpoints,
        FidelityThresholds thresholds,
        List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
