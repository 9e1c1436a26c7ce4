package dev.stampede.control.guard;

import dev.stampede.control.EndpointStats;
import dev.stampede.control.IntervalStats;
import java.time.Duration;
import java.util.ArrayDeque;
import org.HdrHistogram.Histogram;

/**
 * One guard's window: the last {@code round(window / interval)} intervals (at least one) of one endpoint,
 * and their totals. Interval histograms are copied (the engine recycles its own), and only when the
 * guard needs latencies. Not thread-safe.
 */
final class SlidingWindow {

    private record Slice(EndpointStats stats, double seconds, double targetRate) {}

    /** Stands in for the latency of a slice whose guard needs none; never recorded into. */
    private static final Histogram NO_LATENCY = new Histogram(2, 0);

    private final String endpoint;
    private final double windowSeconds;
    private final boolean keepLatency;
    private final ArrayDeque<Slice> slices = new ArrayDeque<>();
    private final WindowTotals totals = new WindowTotals();
    private int wanted = 1;

    SlidingWindow(String endpoint, Duration window, boolean keepLatency) {
        this.endpoint = endpoint;
        this.windowSeconds = window.toNanos() / 1e9;
        this.keepLatency = keepLatency;
    }

    /** Adds the latest interval, drops the oldest beyond the window, and sums the window again. */
    void add(IntervalStats interval) {
        wanted = Math.max(1, (int) Math.round(windowSeconds / interval.intervalSeconds()));
        EndpointStats stats = interval.endpoint(endpoint);
        slices.addLast(
                new Slice(stats == null ? null : kept(stats), interval.intervalSeconds(), interval.targetRate()));
        while (slices.size() > wanted) {
            slices.removeFirst();
        }
        // Summed again each time rather than added and subtracted: exact, and a few histograms a second.
        totals.clear();
        for (Slice slice : slices) {
            totals.add(slice.stats(), slice.seconds());
        }
    }

    private EndpointStats kept(EndpointStats s) {
        Histogram latency = keepLatency ? s.latency().copy() : NO_LATENCY;
        return new EndpointStats(
                s.name(),
                s.ok(),
                s.http4xx(),
                s.http5xx(),
                s.httpOther(),
                s.transportErrors(),
                s.timeouts(),
                s.unsent(),
                latency,
                s.sendLagP99Nanos());
    }

    /** True once the window holds as many intervals as its length asks for. */
    boolean full() {
        return slices.size() >= wanted;
    }

    /** The window's totals. */
    WindowTotals totals() {
        return totals;
    }

    /** The lowest target rate of the window's intervals (NaN when empty). */
    double lowestTargetRate() {
        return slices.stream().mapToDouble(Slice::targetRate).min().orElse(Double.NaN);
    }
}
