package dev.stampede.control.guard;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.profile.Rates;
import java.util.Objects;

/**
 * What a guard measures over its window, for all endpoints ({@link IntervalStats#OVERALL}) or one
 * ({@code "METHOD /path"} as the engine names it). Higher is worse for every metric: a guard trips when the
 * value is above its threshold. Time metrics are in nanoseconds, ratios from 0 to 1.
 */
public sealed interface GuardMetric
        permits GuardMetric.Latency, GuardMetric.ErrorRatio, GuardMetric.UnsentRatio, GuardMetric.SendLag {

    /** The endpoint measured, or {@link IntervalStats#OVERALL}. */
    String endpoint();

    /** The value over {@code totals}, or NaN when there is nothing to measure. */
    double value(WindowTotals totals);

    /** The requests {@link #value} is judged on (a guard's minimum applies to them). */
    long samples(WindowTotals totals);

    /** True when values and thresholds are nanoseconds; false for ratios. */
    boolean timeBased();

    /** What is measured, for people: {@code p99 latency of POST /api/order}. */
    String describe();

    /** {@code value} for people, in this metric's unit: {@code 612ms}, {@code 1.25%}. */
    default String format(double value) {
        return timeBased() ? MetricValues.nanos(value) : MetricValues.ratio(value);
    }

    private static String scope(String endpoint) {
        return IntervalStats.OVERALL.equals(endpoint) ? "" : " of " + endpoint;
    }

    private static String checked(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("an endpoint is a name such as \"POST /api/order\", got a blank");
        }
        return endpoint;
    }

    /**
     * A latency percentile from the intended send time, over the window's merged histograms.
     *
     * @param percentile above 0, at most 100 (100: the largest value)
     * @param endpoint the endpoint, or {@link IntervalStats#OVERALL}
     */
    record Latency(double percentile, String endpoint) implements GuardMetric {

        /** Checks the percentile and the endpoint. */
        public Latency {
            if (!(percentile > 0 && percentile <= 100)) {
                throw new IllegalArgumentException("a percentile is above 0 and at most 100, got " + percentile);
            }
            checked(endpoint);
        }

        @Override
        public double value(WindowTotals totals) {
            return totals.latencyAt(percentile);
        }

        @Override
        public long samples(WindowTotals totals) {
            return totals.latencyCount();
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String describe() {
            return "p" + Rates.format(percentile) + " latency" + scope(endpoint);
        }
    }

    /**
     * Failed over attempted requests: 5xx, transport errors and timeouts, and 4xx too when {@code count4xx}.
     *
     * @param endpoint the endpoint, or {@link IntervalStats#OVERALL}
     * @param count4xx whether 4xx responses count as errors
     */
    record ErrorRatio(String endpoint, boolean count4xx) implements GuardMetric {

        /** Checks the endpoint. */
        public ErrorRatio {
            checked(endpoint);
        }

        @Override
        public double value(WindowTotals totals) {
            long attempted = totals.attempted();
            long errors = totals.serverErrors() + (count4xx ? totals.http4xx() : 0);
            return attempted == 0 ? Double.NaN : errors / (double) attempted;
        }

        @Override
        public long samples(WindowTotals totals) {
            return totals.attempted();
        }

        @Override
        public boolean timeBased() {
            return false;
        }

        @Override
        public String describe() {
            return "error ratio" + (count4xx ? " (4xx included)" : "") + scope(endpoint);
        }
    }

    /**
     * Unsent over scheduled requests: the generator (or its in-flight cap) could not send them.
     *
     * @param endpoint the endpoint, or {@link IntervalStats#OVERALL}
     */
    record UnsentRatio(String endpoint) implements GuardMetric {

        /** Checks the endpoint. */
        public UnsentRatio {
            checked(endpoint);
        }

        @Override
        public double value(WindowTotals totals) {
            long scheduled = totals.scheduled();
            return scheduled == 0 ? Double.NaN : totals.unsent() / (double) scheduled;
        }

        @Override
        public long samples(WindowTotals totals) {
            return totals.scheduled();
        }

        @Override
        public boolean timeBased() {
            return false;
        }

        @Override
        public String describe() {
            return "unsent ratio" + scope(endpoint);
        }
    }

    /**
     * Send lag p99 (actual minus intended send time): the largest interval p99 of the window, an upper
     * bound of the window's own p99 (intervals carry the p99, not the send-lag histogram).
     *
     * @param endpoint the endpoint, or {@link IntervalStats#OVERALL}
     */
    record SendLag(String endpoint) implements GuardMetric {

        /** Checks the endpoint. */
        public SendLag {
            checked(endpoint);
        }

        @Override
        public double value(WindowTotals totals) {
            return totals.attempted() == 0 ? Double.NaN : totals.sendLagP99Nanos();
        }

        @Override
        public long samples(WindowTotals totals) {
            return totals.attempted();
        }

        @Override
        public boolean timeBased() {
            return true;
        }

        @Override
        public String describe() {
            return "send-lag p99" + scope(endpoint);
        }
    }
}
