/**
 * SLO guards: rules over sliding windows of the engine's measurement intervals, with abort, hold and
 * back-off actions, and each rule's pass/fail result over the whole run.
 *
 * <p>{@link dev.stampede.control.guard.GuardRule} is one guard: a {@link
 * dev.stampede.control.guard.GuardMetric} (latency percentile from the intended send time, error ratio,
 * unsent ratio, send-lag p99; overall or one endpoint), a threshold it must not go above, a window and
 * a {@link dev.stampede.control.guard.GuardAction}. {@link dev.stampede.control.guard.Guards} runs a
 * run's guards on the interval feed.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Exact windows.</b> A window is the last {@code round(window / interval)} intervals. Counts are
 *       summed and latency histograms merged, so a windowed percentile is the percentile of every request
 *       in the window, never an average of interval percentiles. Send lag is the exception: intervals carry
 *       only its p99, and the window takes the largest (an upper bound of the window's p99).
 *   <li><b>Minimum sample.</b> A guard is judged only once its window is full and holds at least {@code
 *       minRequests} requests (default 100: completed requests for latency, attempted for the error ratio
 *       and send lag, scheduled for the unsent ratio). Before that it waits; it never trips on a handful of
 *       requests.
 *   <li><b>Once per trip.</b> The action runs when a guard goes above its threshold, not again while it
 *       stays above; going back within it is a recovery. Both are {@code run.json} events ({@code guard
 *       NAME}, the value against the threshold, the action).
 *   <li><b>Last good rate.</b> Back-off returns to the lowest target rate of the latest window in which
 *       every judged guard passed; before one, the lowest rate above 0 seen.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * Off the hot path: once per interval on the engine's statistics thread (copies of the interval histograms
 * a latency guard keeps, a few per second); {@link dev.stampede.control.guard.Guards} is synchronized so the
 * console and control API may read it from their threads.
 */
package dev.stampede.control.guard;
