package dev.stampede.report.compare;

import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.report.model.IntervalHistogram;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One endpoint's (or the whole run's) latency from the intended send time, fed interval by interval:
 * the histogram over the whole run, and for each {@link LatencyMetric} its value in each window of
 * consecutive intervals (see {@link LatencyMetric#windowSamples()}), the samples the comparison's
 * consistency test works on. Holds no interval histogram: memory stays the same however long the run
 * (a total and one window per window size, each shaped like the log's histograms). Not thread-safe.
 */
public final class LatencySeries {

    private final Map<LatencyMetric, WindowedValues> windows = new EnumMap<>(LatencyMetric.class);
    private final List<WindowedValues> windowSizes = new ArrayList<>();
    private Histogram total;
    private int intervals;

    /** An empty series. */
    public LatencySeries() {
        Map<Long, List<LatencyMetric>> bySize = new LinkedHashMap<>();
        for (LatencyMetric metric : LatencyMetric.ALL) {
            bySize.computeIfAbsent(metric.windowSamples(), size -> new ArrayList<>())
                    .add(metric);
        }
        bySize.forEach((size, metrics) -> {
            WindowedValues values = new WindowedValues(metrics, size);
            windowSizes.add(values);
            metrics.forEach(metric -> windows.put(metric, values));
        });
    }

    /** Adds the next interval's histogram (ns values); intervals must come in time order. */
    public void add(IntervalHistogram interval) {
        if (total == null) {
            total = newHistogram();
        }
        interval.addTo(total);
        intervals++;
        for (WindowedValues values : windowSizes) {
            values.add(interval);
        }
    }

    /** Requests with a latency over the whole series. */
    public long count() {
        return total == null ? 0 : total.getTotalCount();
    }

    /** The intervals added. */
    public int intervals() {
        return intervals;
    }

    /** The metric over the whole series in ns; 0 when the series holds no request. */
    public long value(LatencyMetric metric) {
        return count() == 0 ? 0 : metric.valueIn(total);
    }

    /** The metric's value in each full window, in ns, in time order (a copy). */
    public double[] windows(LatencyMetric metric) {
        return windows.get(metric).values(metric);
    }

    /**
     * An empty histogram of the engine's precision (1 ns, {@link RunMetrics#SIGNIFICANT_DIGITS} digits),
     * growing with the values added: interval counts land in the buckets they came from.
     */
    static Histogram newHistogram() {
        Histogram empty = new Histogram(RunMetrics.SIGNIFICANT_DIGITS);
        empty.setAutoResize(true);
        return empty;
    }
}
