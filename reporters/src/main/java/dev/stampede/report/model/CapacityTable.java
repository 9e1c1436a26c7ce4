package dev.stampede.report.model;

import java.util.List;

/**
 * {@code capacity.json} read back (written by the traffic controller's {@code CapacityJsonWriter} after a
 * capacity search; its package documentation describes every field): the outcome, the rates found and
 * the step table. Absent figures are NaN (null in the file).
 *
 * @param outcome e.g. {@code kneeFound}, {@code upperBoundReached}, {@code stopped}
 * @param summary the outcome for people
 * @param unit {@code req/s}, or {@code x} for a replay's speed factor
 * @param maxSustainableRate the confirmed rate (or the bound reached), in {@code unit}
 * @param lastGoodRate the rate of the latest good step
 * @param firstBadRate the lowest rate of a bad step
 * @param steps every step, in order
 */
public record CapacityTable(
        String outcome,
        String summary,
        String unit,
        double maxSustainableRate,
        double lastGoodRate,
        double firstBadRate,
        List<Step> steps) {

    /** Copies the steps. */
    public CapacityTable {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the search.
     *
     * @param number from 1
     * @param phase {@code ramp}, {@code bisect} or {@code confirm}
     * @param targetRate the rate asked for, in the table's unit
     * @param achievedRatePerSec requests attempted per second over the judged part
     * @param startSeconds when the step began, seconds since the run's start
     * @param endSeconds when it ended
     * @param requests requests in the judged part
     * @param p50Nanos latency median over the judged part (NaN without a response)
     * @param p99Nanos latency 99th percentile
     * @param p999Nanos latency 99.9th percentile
     * @param errorRatio attempted requests that failed, 0 to 1
     * @param unsentRatio scheduled requests never sent, 0 to 1
     * @param sendLagP99Nanos send lag 99th percentile
     * @param good the verdict
     * @param why for a bad step, every reason
     */
    public record Step(
            int number,
            String phase,
            double targetRate,
            double achievedRatePerSec,
            double startSeconds,
            double endSeconds,
            long requests,
            double p50Nanos,
            double p99Nanos,
            double p999Nanos,
            double errorRatio,
            double unsentRatio,
            double sendLagP99Nanos,
            boolean good,
            String why) {}
}
