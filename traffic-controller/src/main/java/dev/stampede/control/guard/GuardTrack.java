package dev.stampede.control.guard;

import dev.stampede.control.IntervalStats;
import java.util.Locale;

/** One guard while a run goes: its window, its state and what it saw. Guarded by {@link Guards}. */
final class GuardTrack {

    /** What one window says. */
    enum Verdict {
        WAIT,
        PASS,
        FAIL
    }

    final GuardRule rule;
    final boolean judgeOnly;
    final SlidingWindow window;
    GuardState state = GuardState.WAITING;
    double value = Double.NaN;
    long samples;
    int trips;
    boolean judged;
    double worst = Double.NaN;

    GuardTrack(GuardRule rule, boolean judgeOnly) {
        this.rule = rule;
        this.judgeOnly = judgeOnly;
        this.window = new SlidingWindow(
                rule.metric().endpoint(), rule.window(), rule.metric() instanceof GuardMetric.Latency);
    }

    /** Adds the interval and judges the window: wait until it is full and holds enough requests. */
    Verdict add(IntervalStats interval) {
        window.add(interval);
        value = rule.metric().value(window.totals());
        samples = rule.metric().samples(window.totals());
        if (!window.full() || samples < rule.minRequests() || Double.isNaN(value)) {
            return Verdict.WAIT;
        }
        judged = true;
        worst = Double.isNaN(worst) ? value : Math.max(worst, value);
        return rule.breachedBy(value) ? Verdict.FAIL : Verdict.PASS;
    }

    /** The window's value against the threshold, for events: {@code p99 latency 612ms above 500ms over 10s (4210 requests)}. */
    String measured(String relation) {
        GuardMetric metric = rule.metric();
        return metric.describe() + " " + metric.format(value) + " " + relation + " " + metric.format(rule.threshold())
                + " over " + MetricValues.duration(rule.window()) + " (" + samples + " requests)";
    }

    GuardStatus status() {
        GuardMetric metric = rule.metric();
        String counted = state == GuardState.WAITING && samples < rule.minRequests()
                ? samples + " of " + rule.minRequests() + " requests"
                : samples + " requests";
        String text = metric.describe() + " " + metric.format(value) + " (limit " + metric.format(rule.threshold())
                + " over " + MetricValues.duration(rule.window()) + ", " + counted + "): "
                + state.name().toLowerCase(Locale.ROOT);
        return new GuardStatus(rule.name(), state, value, rule.threshold(), samples, trips, text);
    }

    SloResult result() {
        return new SloResult(
                rule.name(),
                rule.describe(),
                judged,
                trips == 0,
                worst,
                rule.metric().format(worst),
                trips);
    }
}
