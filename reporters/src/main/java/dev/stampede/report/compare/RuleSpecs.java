package dev.stampede.report.compare;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules as people write them on the command line; each method returns the changed rules or throws
 * {@link IllegalArgumentException} with a message that shows what to write.
 *
 * <ul>
 *   <li>relative thresholds: {@code p99=15%}, {@code max=25%}, or {@code 10%} alone for every metric;
 *   <li>absolute floors: {@code p50=200us}, {@code 2ms} alone for every metric (units ns, us, ms, s);
 *   <li>the error-rate floor: {@code 0.5%} (percentage points) or a fraction such as {@code 0.005}.
 * </ul>
 */
public final class RuleSpecs {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)");
    private static final String METRICS = "p50, p90, p99, p99.9, max";

    private RuleSpecs() {}

    /** {@code rules} with a relative threshold set: {@code METRIC=N%} or {@code N%} for all. */
    public static CompareRules threshold(CompareRules rules, String spec) {
        CompareRules result = rules;
        for (MetricValue part : split(spec)) {
            Matcher percent = PERCENT.matcher(part.value());
            if (!percent.matches()) {
                throw new IllegalArgumentException(
                        "threshold '" + spec + "': write a percentage, e.g. p99=15% or 10% (for every metric)");
            }
            double relative = Double.parseDouble(percent.group(1)) / 100;
            for (LatencyMetric metric : part.metrics()) {
                result = result.withRelative(metric, relative);
            }
        }
        return result;
    }

    /** {@code rules} with an absolute floor set: {@code METRIC=DURATION} or {@code DURATION} for all. */
    public static CompareRules floor(CompareRules rules, String spec) {
        CompareRules result = rules;
        for (MetricValue part : split(spec)) {
            long nanos = nanos(part.value(), spec);
            for (LatencyMetric metric : part.metrics()) {
                result = result.withFloor(metric, nanos);
            }
        }
        return result;
    }

    /** {@code rules} with the error-rate floor set: {@code 0.5%} or {@code 0.005}. */
    public static CompareRules errorRateFloor(CompareRules rules, String spec) {
        String text = spec.trim();
        Matcher percent = PERCENT.matcher(text);
        try {
            double floor = percent.matches() ? Double.parseDouble(percent.group(1)) / 100 : Double.parseDouble(text);
            return rules.withErrorRateFloor(floor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "error-rate floor '" + spec + "': write percentage points (0.5%) or a fraction (0.005)", e);
        }
    }

    private static long nanos(String text, String spec) {
        Matcher duration = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!duration.matches()) {
            throw new IllegalArgumentException(
                    "floor '" + spec + "': write a duration with its unit, e.g. p50=200us or 2ms (for every metric)");
        }
        double amount = Double.parseDouble(duration.group(1));
        double scale = switch (duration.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Math.round(amount * scale);
    }

    /** {@code p99=10%,max=20%} into its parts; a part without {@code =} applies to every metric. */
    private static List<MetricValue> split(String spec) {
        return java.util.Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .map(RuleSpecs::part)
                .toList();
    }

    private static MetricValue part(String part) {
        int equals = part.indexOf('=');
        if (equals < 0) {
            return new MetricValue(LatencyMetric.ALL, part);
        }
        String name = part.substring(0, equals);
        List<LatencyMetric> metrics = name.trim().equalsIgnoreCase("all")
                ? LatencyMetric.ALL
                : List.of(LatencyMetric.ofLabel(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + name.trim() + "' in '"
                                + part + "'; known: " + METRICS + ", all")));
        return new MetricValue(metrics, part.substring(equals + 1).trim());
    }

    private record MetricValue(List<LatencyMetric> metrics, String value) {}
}
