package dev.stampede.control.guard;

/**
 * One guard after the latest interval, for the live console and {@code stampede ctl status}.
 *
 * @param name the guard's name
 * @param state waiting, ok, breached or tripped
 * @param value the metric over the current window (NaN when there is nothing to measure yet)
 * @param threshold the guard's threshold, in the metric's unit
 * @param samples the requests in the current window
 * @param trips how many times it tripped (or breached, when judged only) so far
 * @param text one line for people, e.g. {@code p99 latency 612ms (limit 500ms, 10s, 4210 requests): tripped}
 */
public record GuardStatus(
        String name, GuardState state, double value, double threshold, long samples, int trips, String text) {}
