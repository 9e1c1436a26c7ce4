package dev.stampede.report.html;

import dev.stampede.report.html.ReportData.TimeSeries;
import dev.stampede.report.model.IntervalPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Builds the page's {@link TimeSeries} from the overall points of the latency log (each merging {@code
 * bucketIntervals} consecutive intervals, see {@link dev.stampede.report.model.ReadOptions}) and, when
 * there is one, {@code intervals.jsonl} grouped into the same buckets (interval {@code i} of either file is
 * in bucket {@code i / bucketIntervals}; both number the same intervals from the same start). Without
 * {@code intervals.jsonl} the achieved rate comes from the latency log's counts and there is no target rate
 * or error column. Endpoints' points are matched to the overall ones by their index.
 */
final class SeriesAssembler {

    private SeriesAssembler() {}

    static TimeSeries assemble(
            List<IntervalPoint> log,
            Map<String, List<IntervalPoint>> endpoints,
            IntervalCounts intervals,
            int bucketIntervals) {
        boolean haveIntervals = intervals != null && intervals.size() > 0;
        int points = log.size() > 0
                ? log.size()
                : haveIntervals ? (intervals.size() + bucketIntervals - 1) / bucketIntervals : 0;
        double[] endSeconds = new double[points];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int b = 0; b < points; b++) {
            endSeconds[b] = b < log.size() ? log.get(b).endSeconds() : intervalEnd(intervals, b, bucketIntervals);
        }
        if (haveIntervals) {
            fromIntervals(intervals, bucketIntervals, points, columns);
        } else {
            columns.put(Columns.ACHIEVED, column(log, points, p -> {
                double seconds = p.endSeconds() - p.startSeconds();
                return seconds > 0 ? p.count() / seconds : Double.NaN;
            }));
            columns.put(Columns.ACHIEVED_MIN, column(log, points, IntervalPoint::minIntervalRate));
            columns.put(Columns.ACHIEVED_MAX, column(log, points, IntervalPoint::maxIntervalRate));
        }
        columns.put(Columns.P50, latency(log, points, IntervalPoint::p50Nanos));
        columns.put(Columns.P90, latency(log, points, IntervalPoint::p90Nanos));
        columns.put(Columns.P99, latency(log, points, IntervalPoint::p99Nanos));
        columns.put(Columns.P999, latency(log, points, IntervalPoint::p999Nanos));
        columns.put(Columns.MAX, latency(log, points, IntervalPoint::maxNanos));
        columns.put(Columns.SEND_LAG_P50, sendLag(log, points, IntervalPoint::sendLagP50Nanos));
        columns.put(Columns.SEND_LAG_P99, sendLag(log, points, IntervalPoint::sendLagP99Nanos));
        columns.put(Columns.SEND_LAG_MAX, sendLag(log, points, IntervalPoint::sendLagMaxNanos));
        Map<String, double[]> endpointP99 = new LinkedHashMap<>();
        endpoints.forEach((name, series) -> endpointP99.put(name, endpointP99(log, series, points)));
        return new TimeSeries(bucketIntervals, endSeconds, columns, endpointP99);
    }

    /** The endpoint's p99 in ms at each overall point (matched by index), NaN where it recorded nothing. */
    private static double[] endpointP99(List<IntervalPoint> log, List<IntervalPoint> series, int points) {
        Map<Integer, IntervalPoint> byIndex = new LinkedHashMap<>();
        series.forEach(p -> byIndex.put(p.index(), p));
        double[] out = nan(points);
        for (int b = 0; b < Math.min(points, log.size()); b++) {
            IntervalPoint point = byIndex.get(log.get(b).index());
            if (point != null && point.count() > 0) {
                out[b] = point.p99Nanos() / 1e6;
            }
        }
        return out;
    }

    /** A latency figure in ms, NaN where nothing was recorded. */
    private static double[] latency(List<IntervalPoint> log, int points, ToDoubleFunction<IntervalPoint> nanos) {
        return column(log, points, p -> p.count() > 0 ? nanos.applyAsDouble(p) / 1e6 : Double.NaN);
    }

    /** A send-lag figure in ms, NaN where none was recorded. */
    private static double[] sendLag(List<IntervalPoint> log, int points, ToDoubleFunction<IntervalPoint> nanos) {
        return column(log, points, p -> p.sendLagCount() > 0 ? nanos.applyAsDouble(p) / 1e6 : Double.NaN);
    }

    /** {@code value} of each point, padded with NaN to {@code length}. */
    private static double[] column(List<IntervalPoint> log, int length, ToDoubleFunction<IntervalPoint> value) {
        double[] out = nan(length);
        for (int i = 0; i < Math.min(length, log.size()); i++) {
            out[i] = value.applyAsDouble(log.get(i));
        }
        return out;
    }

    private static double intervalEnd(IntervalCounts intervals, int bucket, int bucketIntervals) {
        int last = Math.min((bucket + 1) * bucketIntervals, intervals.size()) - 1;
        return last >= 0 ? intervals.endSeconds.get(last) : Double.NaN;
    }

    private static void fromIntervals(
            IntervalCounts intervals, int bucketIntervals, int points, Map<String, double[]> columns) {
        double[] target = nan(points);
        double[] achieved = nan(points);
        double[] achievedMin = nan(points);
        double[] achievedMax = nan(points);
        double[] inFlight = nan(points);
        Map<String, double[]> classes = new LinkedHashMap<>();
        intervals.byClass.keySet().forEach(name -> classes.put(name, nan(points)));
        boolean anyTarget = false;
        for (int b = 0; b < points; b++) {
            int from = b * bucketIntervals;
            int to = Math.min(from + bucketIntervals, intervals.size());
            if (from >= to) {
                continue;
            }
            double seconds = 0;
            double attempted = 0;
            double targetSum = 0;
            int targets = 0;
            for (int i = from; i < to; i++) {
                double length = intervals.lengthSeconds.get(i);
                seconds += length;
                attempted += intervals.attempted.get(i);
                if (length > 0) {
                    double rate = intervals.attempted.get(i) / length;
                    achievedMin[b] = Double.isNaN(achievedMin[b]) ? rate : Math.min(achievedMin[b], rate);
                    achievedMax[b] = Double.isNaN(achievedMax[b]) ? rate : Math.max(achievedMax[b], rate);
                }
                if (!Double.isNaN(intervals.targetRate.get(i))) {
                    targetSum += intervals.targetRate.get(i);
                    targets++;
                }
            }
            if (targets > 0) {
                target[b] = targetSum / targets;
                anyTarget = true;
            }
            inFlight[b] = intervals.inFlight.get(to - 1);
            if (seconds > 0) {
                achieved[b] = attempted / seconds;
                for (Map.Entry<String, double[]> column : classes.entrySet()) {
                    DoubleList counts = intervals.byClass.get(column.getKey());
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        sum += counts.get(i);
                    }
                    column.getValue()[b] = sum / seconds;
                }
            }
        }
        if (anyTarget) {
            columns.put(Columns.TARGET, target);
        }
        columns.put(Columns.ACHIEVED, achieved);
        columns.put(Columns.ACHIEVED_MIN, achievedMin);
        columns.put(Columns.ACHIEVED_MAX, achievedMax);
        columns.put(Columns.IN_FLIGHT, inFlight);
        columns.putAll(classes);
    }

    private static double[] nan(int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
