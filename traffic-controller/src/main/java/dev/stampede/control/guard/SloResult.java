package dev.stampede.control.guard;

/**
 * A guard as a pass/fail SLO over the whole run: what becomes {@code summary.json} and {@code junit.xml}.
 *
 * @param name the guard's name
 * @param slo the guard for people, e.g. {@code p99 latency above 500ms over 10s}
 * @param judged true when at least one window was judged (else the SLO was never measured, e.g. too few
 *     requests: a report shows it as skipped)
 * @param passed true when the guard never tripped (nor breached, when judged only)
 * @param worstValue the highest value of any judged window, in the metric's unit (NaN when never judged)
 * @param worst {@link #worstValue} for people, e.g. {@code 612ms} ({@code -} when never judged)
 * @param trips how many times it tripped (or breached): each recovery and new breach is one more
 */
public record SloResult(
        String name, String slo, boolean judged, boolean passed, double worstValue, String worst, int trips) {}
