package dev.stampede.report.compare;

/**
 * What one run says about one endpoint (or, as the run's overall row, about all of them).
 *
 * @param name the endpoint's name as the scenario gives it
 * @param latency its latency from the intended send time, interval by interval
 * @param counts its requests by outcome, or null when the directory holds no counts (neither
 *     {@code run.json} nor {@code intervals.jsonl})
 * @param achievedRatePerSec requests attempted per second of sending, NaN when unknown
 */
public record EndpointResult(String name, LatencySeries latency, RequestCounts counts, double achievedRatePerSec) {

    /** Whether outcome counts are known. */
    public boolean hasCounts() {
        return counts != null;
    }
}
