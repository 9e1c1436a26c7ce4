package dev.stampede.testbed.metrics;

import static dev.stampede.testbed.metrics.ExpositionGrammar.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a histogram family must obey beyond the line grammar, checked by {@link
 * PrometheusTextParser} once the family's last line has been read.
 */
final class HistogramRules {
    /** The samples of one label set (all labels except {@code le}). */
    private static final class Series {
        final List<PrometheusTextParser.Sample> buckets = new ArrayList<>();
        PrometheusTextParser.Sample sum;
        PrometheusTextParser.Sample count;
    }

    private HistogramRules() {}

    static void check(String family, List<PrometheusTextParser.Sample> samples) {
        Map<Map<String, String>, Series> byLabels = new LinkedHashMap<>();
        for (PrometheusTextParser.Sample sample : samples) {
            Map<String, String> labels = new HashMap<>(sample.labels());
            labels.remove("le");
            Series series = byLabels.computeIfAbsent(labels, unused -> new Series());
            String suffix = sample.name().substring(family.length());
            switch (suffix) {
                case "_bucket" -> series.buckets.add(sample);
                case "_sum" -> series.sum = sample;
                default -> series.count = sample;
            }
        }
        for (Series series : byLabels.values()) {
            check(family, series);
        }
    }

    private static void check(String family, Series series) {
        if (series.buckets.isEmpty()) {
            PrometheusTextParser.Sample orphan = series.sum != null ? series.sum : series.count;
            throw fail(orphan.line(), family + " has a label set without _bucket series");
        }
        PrometheusTextParser.Sample previous = null;
        for (PrometheusTextParser.Sample bucket : series.buckets) {
            if (previous != null && !(le(bucket) > le(previous))) {
                throw fail(bucket.line(), "le must increase from one bucket to the next");
            }
            if (previous != null && bucket.value() < previous.value()) {
                throw fail(bucket.line(), "bucket counts must be cumulative (non-decreasing)");
            }
            previous = bucket;
        }
        if (le(previous) != Double.POSITIVE_INFINITY) {
            throw fail(previous.line(), "the last bucket must be le=\"+Inf\"");
        }
        if (series.sum == null || series.count == null) {
            throw fail(previous.line(), family + " needs _sum and _count for " + previous.labels());
        }
        if (series.count.value() != previous.value()) {
            throw fail(series.count.line(), "_count must equal the +Inf bucket (" + previous.value() + ")");
        }
    }

    private static double le(PrometheusTextParser.Sample bucket) {
        return ExpositionGrammar.parseFloat(bucket.line(), bucket.labels().get("le"));
    }
}
