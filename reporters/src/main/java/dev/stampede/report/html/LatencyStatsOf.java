package dev.stampede.report.html;

import dev.stampede.report.html.ReportData.LatencyStats;
import dev.stampede.report.html.ReportData.SpectrumPoint;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** {@link LatencyStats} of an HdrHistogram: its percentiles and its percentile spectrum. */
final class LatencyStatsOf {

    /** HdrHistogram's default for {@code .hgrm} output: 5 percentile ticks per halving of the distance to 100%. */
    static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyStatsOf() {}

    static LatencyStats of(Histogram histogram) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return LatencyStats.EMPTY;
        }
        return new LatencyStats(
                histogram.getTotalCount(),
                histogram.getMean(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue(),
                spectrum(histogram));
    }

    /**
     * The spectrum as HdrHistogram's percentile output gives it, without its 100% level (which has no place
     * on an axis of 1/(1-p)), then the maximum at the level one request in {@code count} stands for.
     */
    private static List<SpectrumPoint> spectrum(Histogram histogram) {
        List<SpectrumPoint> points = new ArrayList<>();
        double last = -1;
        for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double level = v.getPercentileLevelIteratedTo();
            if (level >= 100.0 || level <= last) {
                continue;
            }
            last = level;
            points.add(new SpectrumPoint(level, v.getValueIteratedTo()));
        }
        long count = histogram.getTotalCount();
        double maxLevel = count > 1 ? 100.0 * (1.0 - 1.0 / count) : 0.0;
        if (maxLevel > last) {
            points.add(new SpectrumPoint(maxLevel, histogram.getMaxValue()));
        }
        return points;
    }
}
