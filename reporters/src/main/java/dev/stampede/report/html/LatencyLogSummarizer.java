package dev.stampede.report.html;

import dev.stampede.engine.measure.HlogTags;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads {@code latency.hlog} in one streaming pass and summarises each interval histogram as it is read:
 * whole-run latency (overall and per endpoint) and send lag, and per bucket of {@code bucketIntervals}
 * intervals the merged percentiles. Memory is bounded by the number of endpoints (one histogram each, plus
 * one per tracked endpoint for the buckets), not by the run's length.
 *
 * <p>Only the lines the page needs are decoded: overall latency (untagged), overall {@code send-lag}, and
 * {@code latency:<endpoint>}; {@code service} lines and per-endpoint send lag are skipped unread. Lines of one
 * interval share its start timestamp, which is how intervals are told apart. A line that cannot be read (the
 * torn last line of a killed run) is skipped and counted.
 */
final class LatencyLogSummarizer {

    private static final String ENDPOINT_LATENCY_PREFIX = "latency:";
    private static final String SEND_LAG_TAG = "send-lag";

    private final int bucketIntervals;
    private final CompressedHistogramDecoder decoder = new CompressedHistogramDecoder();
    private final Base64.Decoder base64 = Base64.getDecoder();

    private long startEpochMillis = -1;
    private long baseEpochMillis = -1;
    private Histogram overall;
    private Histogram sendLag;
    private final Map<String, Histogram> endpoints = new LinkedHashMap<>();
    private final Map<String, Histogram> bucketEndpoints = new LinkedHashMap<>();
    private final LatencyLogSummary.Buckets buckets;
    private Histogram bucketLatency;
    private Histogram bucketSendLag;
    private String intervalStart;
    private int intervals;
    private double bucketStartSeconds = Double.NaN;
    private double bucketEndSeconds;
    private double minIntervalRate = Double.NaN;
    private double maxIntervalRate = Double.NaN;
    private long skippedLines;

    private LatencyLogSummarizer(int bucketIntervals, Collection<String> trackedEndpoints) {
        this.bucketIntervals = bucketIntervals;
        Map<String, DoubleList> endpointP99 = new LinkedHashMap<>();
        for (String name : trackedEndpoints) {
            endpointP99.put(name, new DoubleList());
        }
        this.buckets = new LatencyLogSummary.Buckets(endpointP99);
    }

    /**
     * Summarises {@code hlog}.
     *
     * @param bucketIntervals intervals merged into one point of the time series (at least 1)
     * @param trackedEndpoints endpoints whose p99 is kept per bucket
     */
    static LatencyLogSummary summarise(Path hlog, int bucketIntervals, Collection<String> trackedEndpoints)
            throws IOException {
        LatencyLogSummarizer summarizer = new LatencyLogSummarizer(Math.max(1, bucketIntervals), trackedEndpoints);
        try (BufferedReader in = Files.newBufferedReader(hlog, StandardCharsets.UTF_8);
                CompressedHistogramDecoder ignored = summarizer.decoder) {
            String line;
            while ((line = in.readLine()) != null) {
                summarizer.line(line);
            }
        }
        return summarizer.finish();
    }

    /** The number of intervals in {@code hlog} (a quick pass that decodes nothing). */
    static int countIntervals(Path hlog) throws IOException {
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(hlog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    count++;
                }
            }
        }
        return count;
    }

    private void line(String line) {
        if (line.isEmpty() || line.charAt(0) == '"') {
            return;
        }
        if (line.charAt(0) == '#') {
            header(line);
            return;
        }
        try {
            interval(line);
        } catch (RuntimeException e) {
            skippedLines++;
        }
    }

    private void header(String line) {
        if (line.startsWith("#[StartTime: ")) {
            startEpochMillis = epochMillis(line, "#[StartTime: ".length());
        } else if (line.startsWith("#[BaseTime: ")) {
            baseEpochMillis = epochMillis(line, "#[BaseTime: ".length());
        }
    }

    private static long epochMillis(String line, int from) {
        int end = line.indexOf(' ', from);
        return Math.round(Double.parseDouble(line.substring(from, end < 0 ? line.length() : end)) * 1000.0);
    }

    private void interval(String line) {
        String tag = null;
        int fieldsStart = 0;
        if (line.startsWith("Tag=")) {
            fieldsStart = line.indexOf(',') + 1;
            tag = line.substring(4, fieldsStart - 1);
        }
        String endpoint = null;
        if (tag != null) {
            if (tag.startsWith(ENDPOINT_LATENCY_PREFIX)) {
                endpoint = HlogTags.unescape(tag.substring(ENDPOINT_LATENCY_PREFIX.length()));
            } else if (!tag.equals(SEND_LAG_TAG)) {
                return; // service time and per-endpoint send lag: not on the page
            }
        }
        int startEnd = line.indexOf(',', fieldsStart);
        int lengthEnd = line.indexOf(',', startEnd + 1);
        int maxEnd = line.indexOf(',', lengthEnd + 1);
        String start = line.substring(fieldsStart, startEnd);
        double lengthSeconds = Double.parseDouble(line.substring(startEnd + 1, lengthEnd));
        decoder.decode(base64.decode(line.substring(maxEnd + 1)));

        if (!start.equals(intervalStart)) {
            beginInterval(start);
        }
        double startSeconds = secondsSinceStart(Double.parseDouble(start));
        bucketEndSeconds = Math.max(bucketEndSeconds, startSeconds + lengthSeconds);
        if (Double.isNaN(bucketStartSeconds)) {
            bucketStartSeconds = startSeconds;
        }
        if (tag == null) {
            overall = addTo(overall);
            bucketLatency = addTo(bucketLatency);
            if (lengthSeconds > 0) {
                double rate = decoder.totalCount() / lengthSeconds;
                minIntervalRate = Double.isNaN(minIntervalRate) ? rate : Math.min(minIntervalRate, rate);
                maxIntervalRate = Double.isNaN(maxIntervalRate) ? rate : Math.max(maxIntervalRate, rate);
            }
        } else if (endpoint == null) {
            sendLag = addTo(sendLag);
            bucketSendLag = addTo(bucketSendLag);
        } else {
            endpoints.put(endpoint, addTo(endpoints.get(endpoint)));
            if (buckets.endpointP99.containsKey(endpoint)) {
                bucketEndpoints.put(endpoint, addTo(bucketEndpoints.get(endpoint)));
            }
        }
    }

    /** Timestamps are seconds since the base time when the log has one, else absolute or since the start. */
    private double secondsSinceStart(double timestamp) {
        if (baseEpochMillis >= 0 && startEpochMillis >= 0) {
            return timestamp + (baseEpochMillis - startEpochMillis) / 1000.0;
        }
        if (startEpochMillis >= 0 && timestamp > 365.0 * 24 * 3600) {
            return timestamp - startEpochMillis / 1000.0;
        }
        return timestamp;
    }

    private void beginInterval(String start) {
        if (intervals > 0 && intervals % bucketIntervals == 0) {
            endBucket();
        }
        intervalStart = start;
        intervals++;
    }

    private Histogram addTo(Histogram target) {
        Histogram histogram = target == null ? decoder.newHistogram() : target;
        decoder.addTo(histogram);
        return histogram;
    }

    private void endBucket() {
        if (Double.isNaN(bucketStartSeconds)) {
            return;
        }
        buckets.endSeconds.add(bucketEndSeconds);
        buckets.seconds.add(bucketEndSeconds - bucketStartSeconds);
        buckets.count.add(bucketLatency == null ? 0 : bucketLatency.getTotalCount());
        buckets.minIntervalRate.add(minIntervalRate);
        buckets.maxIntervalRate.add(maxIntervalRate);
        buckets.p50.add(millisAt(bucketLatency, 50));
        buckets.p90.add(millisAt(bucketLatency, 90));
        buckets.p99.add(millisAt(bucketLatency, 99));
        buckets.p999.add(millisAt(bucketLatency, 99.9));
        buckets.max.add(millisAt(bucketLatency, 100));
        buckets.sendLagP50.add(millisAt(bucketSendLag, 50));
        buckets.sendLagP99.add(millisAt(bucketSendLag, 99));
        buckets.sendLagMax.add(millisAt(bucketSendLag, 100));
        for (Map.Entry<String, DoubleList> p99 : buckets.endpointP99.entrySet()) {
            p99.getValue().add(millisAt(bucketEndpoints.get(p99.getKey()), 99));
        }
        reset(bucketLatency);
        reset(bucketSendLag);
        bucketEndpoints.values().forEach(LatencyLogSummarizer::reset);
        bucketStartSeconds = Double.NaN;
        minIntervalRate = Double.NaN;
        maxIntervalRate = Double.NaN;
    }

    private static double millisAt(Histogram histogram, double percentile) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        long nanos = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return nanos / 1e6;
    }

    private static void reset(Histogram histogram) {
        if (histogram != null) {
            histogram.reset();
        }
    }

    private LatencyLogSummary finish() {
        endBucket();
        return new LatencyLogSummary(startEpochMillis, intervals, overall, sendLag, endpoints, buckets, skippedLines);
    }
}
