package dev.stampede.control.capacity;

import dev.stampede.control.guard.MetricValues;
import dev.stampede.control.profile.Rates;
import java.util.List;
import java.util.Locale;

/**
 * One row of the step table: a rate held for a step, measured over its judged intervals (after the settle
 * time).
 *
 * @param number 1 for the first step
 * @param phase ramp, bisect or confirm
 * @param targetRate the rate the search set
 * @param achievedRate attempted requests per second over the judged intervals
 * @param startSeconds when the step began, in seconds since the run started sending
 * @param endSeconds when its last interval ended
 * @param judgedSeconds the length of the judged intervals
 * @param requests attempted requests in the judged intervals
 * @param p50Nanos median latency from the intended send time, NaN without a completed request
 * @param p99Nanos 99th percentile latency, NaN without one
 * @param p999Nanos 99.9th percentile latency, NaN without one
 * @param errorRatio 5xx, transport errors and timeouts over attempted (NaN without an attempt)
 * @param unsentRatio unsent over scheduled (NaN without a scheduled request)
 * @param sendLagP99Nanos the largest interval send-lag p99
 * @param slo each SLO guard's value over the step
 * @param good the verdict: every judged SLO guard within its threshold and the achieved rate high enough
 * @param why for a bad step, every reason, separated by {@code "; "}; empty for a good one
 */
public record CapacityStep(
        int number,
        Phase phase,
        double targetRate,
        double achievedRate,
        double startSeconds,
        double endSeconds,
        double judgedSeconds,
        long requests,
        double p50Nanos,
        double p99Nanos,
        double p999Nanos,
        double errorRatio,
        double unsentRatio,
        long sendLagP99Nanos,
        List<SloValue> slo,
        boolean good,
        String why) {

    /** Copies the SLO values. */
    public CapacityStep {
        slo = List.copyOf(slo);
    }

    /** What a step was for. */
    public enum Phase {
        /** Stepping up from the start rate. */
        RAMP,
        /** Halving the gap between the last good and the first bad rate. */
        BISECT,
        /** Holding just below the knee. */
        CONFIRM;

        /** The word in {@code capacity.json}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One SLO guard over a step.
     *
     * @param guard the guard's name
     * @param value its metric over the step's judged intervals (NaN when there was nothing to measure)
     * @param threshold its threshold
     * @param judged false when the step held fewer requests than the guard's minimum (it then passes)
     * @param passed true unless judged and above the threshold
     * @param text the value for people, e.g. {@code 612ms}
     */
    public record SloValue(String guard, double value, double threshold, boolean judged, boolean passed, String text) {}

    /** One line for the run's events: {@code step 3 (ramp) 1500 req/s: good; achieved 1498 req/s, p99 12ms}. */
    public String describe(String unit) {
        return "step " + number + " (" + phase.word() + ") " + Rates.format(targetRate) + " " + unit + ": "
                + (good ? "good" : "bad (" + why + ")") + "; achieved " + Rates.format(achievedRate) + " req/s, p99 "
                + MetricValues.nanos(p99Nanos) + ", errors " + MetricValues.ratio(errorRatio);
    }
}
