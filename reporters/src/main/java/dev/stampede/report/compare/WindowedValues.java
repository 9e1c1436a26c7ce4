package dev.stampede.report.compare;

import dev.stampede.report.model.IntervalHistogram;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The values of the metrics that share one window size, per window: consecutive interval histograms
 * are merged until the window holds that many requests, then each metric is taken and the window
 * starts again. A window never splits an interval; requests left over at the end (a window not yet
 * full) are not a sample. Not thread-safe.
 */
final class WindowedValues {

    private final List<LatencyMetric> metrics;
    private final long samples;
    private final double[][] values;
    private Histogram window;
    private int size;

    /** For {@code metrics}, which must all have {@code samples} as their {@link LatencyMetric#windowSamples()}. */
    WindowedValues(List<LatencyMetric> metrics, long samples) {
        this.metrics = List.copyOf(metrics);
        this.samples = samples;
        this.values = new double[metrics.size()][64];
    }

    void add(IntervalHistogram interval) {
        long count = interval.totalCount();
        if (count == 0) {
            return;
        }
        boolean windowEmpty = window == null || window.getTotalCount() == 0;
        if (windowEmpty && count >= samples) {
            append(interval); // the common case at a steady rate: no copy
            return;
        }
        if (window == null) {
            window = LatencySeries.newHistogram();
        }
        interval.addTo(window);
        if (window.getTotalCount() >= samples) {
            append(window);
            window.reset();
        }
    }

    private void append(IntervalHistogram full) {
        grow();
        for (int m = 0; m < values.length; m++) {
            values[m][size] = metrics.get(m).valueIn(full);
        }
        size++;
    }

    private void append(AbstractHistogram full) {
        grow();
        for (int m = 0; m < values.length; m++) {
            values[m][size] = metrics.get(m).valueIn(full);
        }
        size++;
    }

    private void grow() {
        if (size == values[0].length) {
            for (int m = 0; m < values.length; m++) {
                values[m] = Arrays.copyOf(values[m], size * 2);
            }
        }
    }

    /** The value of {@code metric} (one of this window size's) in each full window so far, ns, in time order. */
    double[] values(LatencyMetric metric) {
        return Arrays.copyOf(values[metrics.indexOf(metric)], size);
    }
}
