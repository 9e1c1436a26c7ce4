package dev.stampede.control.capacity;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.guard.GuardMetric;
import dev.stampede.control.guard.GuardRule;
import dev.stampede.control.guard.MetricValues;
import dev.stampede.control.guard.WindowTotals;
import dev.stampede.control.profile.Rates;
import java.util.ArrayList;
import java.util.List;

/**
 * One step while it runs: skips the intervals of its settle time, sums the rest (overall and per SLO
 * guard's endpoint), and judges them when the step is over. Not thread-safe.
 */
final class StepRecorder {

    private final int number;
    private final CapacityStep.Phase phase;
    private final double targetRate;
    private final double startSeconds;
    private final double settleSeconds;
    private final double lengthSeconds;
    private final List<GuardRule> slo;
    private final List<WindowTotals> totals = new ArrayList<>(); // overall, then one per SLO guard
    private double endSeconds;

    StepRecorder(
            int number,
            CapacityStep.Phase phase,
            double targetRate,
            double startSeconds,
            double settleSeconds,
            double lengthSeconds,
            List<GuardRule> slo) {
        this.number = number;
        this.phase = phase;
        this.targetRate = targetRate;
        this.startSeconds = startSeconds;
        this.settleSeconds = settleSeconds;
        this.lengthSeconds = lengthSeconds;
        this.slo = slo;
        this.endSeconds = startSeconds;
        for (int i = 0; i <= slo.size(); i++) {
            totals.add(new WindowTotals());
        }
    }

    double targetRate() {
        return targetRate;
    }

    CapacityStep.Phase phase() {
        return phase;
    }

    /**
     * Adds an interval; true when the step is over: its length has passed (within half an interval, as
     * interval ends jitter) and at least one interval was judged.
     */
    boolean add(IntervalStats interval) {
        double into = interval.elapsedSeconds() - startSeconds;
        double half = interval.intervalSeconds() / 2;
        endSeconds = interval.elapsedSeconds();
        if (into >= settleSeconds + half) {
            totals.get(0).add(interval.overall(), interval.intervalSeconds());
            for (int i = 0; i < slo.size(); i++) {
                GuardRule rule = slo.get(i);
                totals.get(i + 1).add(interval.endpoint(rule.metric().endpoint()), interval.intervalSeconds());
            }
        }
        return into >= lengthSeconds - half && totals.get(0).intervals() > 0;
    }

    /** The step judged: SLO guards over the judged intervals, and the achieved share of the target. */
    CapacityStep finish(boolean requestsPerSecond, double minAchieved, String unit) {
        WindowTotals all = totals.get(0);
        List<String> why = new ArrayList<>();
        List<CapacityStep.SloValue> values = new ArrayList<>();
        for (int i = 0; i < slo.size(); i++) {
            CapacityStep.SloValue value = judge(slo.get(i), totals.get(i + 1));
            values.add(value);
            if (!value.passed()) {
                GuardRule rule = slo.get(i);
                why.add(rule.name() + ": " + rule.metric().describe() + " " + value.text() + " above "
                        + rule.metric().format(rule.threshold()));
            }
        }
        double achieved = all.achievedRate();
        // Short of the target beyond the noise of an arrival count: at Poisson arrivals (a model's sessions,
        // poisson urls) a step's count varies by its square root, which at 100 req/s over 4 s is 5%.
        double expected = targetRate * all.seconds();
        double allowance = 3 * Math.sqrt(Math.max(expected, 0));
        if (requestsPerSecond && achieved * all.seconds() < minAchieved * expected - allowance) {
            why.add("achieved " + Rates.format(achieved) + " req/s, below " + MetricValues.ratio(minAchieved) + " of "
                    + Rates.format(targetRate) + " " + unit);
        }
        double sent = all.scheduled() == 0 ? 0 : all.attempted() / (double) all.scheduled();
        if (!requestsPerSecond && sent < minAchieved) {
            why.add("sent " + MetricValues.ratio(sent) + " of the scheduled requests, below "
                    + MetricValues.ratio(minAchieved));
        }
        return new CapacityStep(
                number,
                phase,
                targetRate,
                achieved,
                startSeconds,
                endSeconds,
                all.seconds(),
                all.attempted(),
                all.latencyAt(50),
                all.latencyAt(99),
                all.latencyAt(99.9),
                all.attempted() == 0 ? Double.NaN : all.serverErrors() / (double) all.attempted(),
                all.scheduled() == 0 ? Double.NaN : all.unsent() / (double) all.scheduled(),
                all.sendLagP99Nanos(),
                values,
                why.isEmpty(),
                String.join("; ", why));
    }

    private static CapacityStep.SloValue judge(GuardRule rule, WindowTotals t) {
        GuardMetric metric = rule.metric();
        double value = metric.value(t);
        boolean judged = metric.samples(t) >= rule.minRequests() && !Double.isNaN(value);
        boolean passed = !judged || !rule.breachedBy(value);
        return new CapacityStep.SloValue(rule.name(), value, rule.threshold(), judged, passed, metric.format(value));
    }
}
