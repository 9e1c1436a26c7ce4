package dev.stampede.control.guard;

import dev.stampede.control.EndpointStats;
import org.HdrHistogram.Histogram;

/**
 * One endpoint's outcomes summed over several intervals: counts added, latency histograms merged (so a
 * percentile over the window is exact at the histograms' precision, not an average of percentiles), and
 * the send-lag p99 as the largest interval p99 (the intervals carry no send-lag histogram, and the
 * largest p99 bounds the window's p99 from above). Not thread-safe.
 */
public final class WindowTotals {

    private long ok;
    private long http4xx;
    private long http5xx;
    private long httpOther;
    private long transportErrors;
    private long timeouts;
    private long unsent;
    private long sendLagP99Nanos;
    private double seconds;
    private int intervals;
    private Histogram latency; // made on the first add, at the precision of the intervals' histograms

    /** Adds one interval: {@code stats} may be null (the endpoint had nothing in it), the time still counts. */
    public void add(EndpointStats stats, double intervalSeconds) {
        seconds += intervalSeconds;
        intervals++;
        if (stats == null) {
            return;
        }
        ok += stats.ok();
        http4xx += stats.http4xx();
        http5xx += stats.http5xx();
        httpOther += stats.httpOther();
        transportErrors += stats.transportErrors();
        timeouts += stats.timeouts();
        unsent += stats.unsent();
        sendLagP99Nanos = Math.max(sendLagP99Nanos, stats.sendLagP99Nanos());
        Histogram from = stats.latency();
        if (from.getTotalCount() > 0) {
            if (latency == null) {
                latency = new Histogram(from.getNumberOfSignificantValueDigits()); // auto-resizing
            }
            latency.add(from);
        }
    }

    /** Empties the totals, keeping the histogram for reuse. */
    public void clear() {
        ok = http4xx = http5xx = httpOther = transportErrors = timeouts = unsent = sendLagP99Nanos = 0;
        seconds = 0;
        intervals = 0;
        if (latency != null) {
            latency.reset();
        }
    }

    /** The latency at {@code percentile} (0 to 100] of the merged histogram in ns, or NaN without one value. */
    public double latencyAt(double percentile) {
        return latencyCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile);
    }

    /** Completed requests with a latency. */
    public long latencyCount() {
        return latency == null ? 0 : latency.getTotalCount();
    }

    /** 2xx responses. */
    public long ok() {
        return ok;
    }

    /** 4xx responses. */
    public long http4xx() {
        return http4xx;
    }

    /** 5xx, transport errors and timeouts. */
    public long serverErrors() {
        return http5xx + transportErrors + timeouts;
    }

    /** Requests handed to a connection. */
    public long attempted() {
        return ok + http4xx + http5xx + httpOther + transportErrors + timeouts;
    }

    /** Requests never handed to a connection. */
    public long unsent() {
        return unsent;
    }

    /** Every scheduled request: attempted and unsent. */
    public long scheduled() {
        return attempted() + unsent;
    }

    /** The largest send-lag p99 of the intervals, in ns. */
    public long sendLagP99Nanos() {
        return sendLagP99Nanos;
    }

    /** The intervals' total length. */
    public double seconds() {
        return seconds;
    }

    /** How many intervals were added. */
    public int intervals() {
        return intervals;
    }

    /** Attempted requests per second over the intervals, 0 without time. */
    public double achievedRate() {
        return seconds > 0 ? attempted() / seconds : 0;
    }
}
