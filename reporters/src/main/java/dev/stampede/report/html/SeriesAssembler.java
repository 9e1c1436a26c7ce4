package dev.stampede.report.html;

import dev.stampede.report.html.ReportData.TimeSeries;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the page's {@link TimeSeries} from the latency log's buckets and, when there is one, {@code
 * intervals.jsonl} grouped into the same buckets (interval {@code i} of either file is in bucket {@code i /
 * bucketIntervals}; both number the same intervals from the same start). Without {@code intervals.jsonl}
 * the achieved rate comes from the latency log's counts and there is no target rate or error column.
 */
final class SeriesAssembler {

    private SeriesAssembler() {}

    static TimeSeries assemble(LatencyLogSummary.Buckets log, IntervalCounts intervals, int bucketIntervals) {
        boolean haveIntervals = intervals != null && intervals.size() > 0;
        int points = log.size() > 0
                ? log.size()
                : haveIntervals ? (intervals.size() + bucketIntervals - 1) / bucketIntervals : 0;
        double[] endSeconds = new double[points];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int b = 0; b < points; b++) {
            endSeconds[b] = b < log.size() ? log.endSeconds.get(b) : intervalEnd(intervals, b, bucketIntervals);
        }
        if (haveIntervals) {
            fromIntervals(intervals, bucketIntervals, points, columns);
        } else {
            double[] achieved = new double[points];
            for (int b = 0; b < points; b++) {
                achieved[b] = log.seconds.get(b) > 0 ? log.count.get(b) / log.seconds.get(b) : Double.NaN;
            }
            columns.put(Columns.ACHIEVED, achieved);
            columns.put(Columns.ACHIEVED_MIN, fit(log.minIntervalRate, points));
            columns.put(Columns.ACHIEVED_MAX, fit(log.maxIntervalRate, points));
        }
        columns.put(Columns.P50, fit(log.p50, points));
        columns.put(Columns.P90, fit(log.p90, points));
        columns.put(Columns.P99, fit(log.p99, points));
        columns.put(Columns.P999, fit(log.p999, points));
        columns.put(Columns.MAX, fit(log.max, points));
        columns.put(Columns.SEND_LAG_P50, fit(log.sendLagP50, points));
        columns.put(Columns.SEND_LAG_P99, fit(log.sendLagP99, points));
        columns.put(Columns.SEND_LAG_MAX, fit(log.sendLagMax, points));
        Map<String, double[]> endpointP99 = new LinkedHashMap<>();
        log.endpointP99.forEach((name, p99) -> endpointP99.put(name, fit(p99, points)));
        return new TimeSeries(bucketIntervals, endSeconds, columns, endpointP99);
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

    /** {@code values} cut or padded (with NaN) to {@code length}. */
    private static double[] fit(DoubleList values, int length) {
        double[] out = nan(length);
        for (int i = 0; i < Math.min(length, values.size()); i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static double[] nan(int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
