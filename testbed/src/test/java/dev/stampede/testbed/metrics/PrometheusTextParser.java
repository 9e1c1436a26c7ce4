package dev.stampede.testbed.metrics;

import static dev.stampede.testbed.metrics.ExpositionGrammar.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict parser and validator of the Prometheus text exposition format (0.0.4), for tests of anything
 * that serves {@code /metrics}. {@link #parse} throws an {@link AssertionError} naming the line of the
 * first violation of:
 *
 * <ul>
 *   <li>the line grammar (see {@link ExpositionGrammar}), including label-value escapes, and a final
 *       line feed;
 *   <li>families: exactly one {@code # HELP} and one {@code # TYPE} per family, both before its samples,
 *       type {@code counter}, {@code gauge} or {@code histogram}, and all of a family's lines in one
 *       group;
 *   <li>samples: no series (name and label set) twice; counters not negative;
 *   <li>histograms: per label set, {@code _bucket} samples with increasing {@code le} ending with
 *       {@code +Inf}, cumulative (non-decreasing) counts, and {@code _sum} and {@code _count}, where
 *       {@code _count} equals the {@code +Inf} bucket.
 * </ul>
 *
 * <p>After parsing, {@link #value} and {@link #samples(String)} query the result.
 */
public final class PrometheusTextParser {
    /**
     * One sample line.
     *
     * @param labels decoded label values, in the order written
     * @param line 1-based line number
     */
    public record Sample(String name, Map<String, String> labels, double value, int line) {}

    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram");
    private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_sum", "_count");

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Set<Series> seenSeries = new HashSet<>();
    private Family current;

    private record Series(String name, Map<String, String> labels) {}

    private static final class Family {
        final String name;
        final int firstLine;
        final List<Sample> samples = new ArrayList<>();
        String help;
        String type;

        Family(String name, int firstLine) {
            this.name = name;
            this.firstLine = firstLine;
        }

        boolean owns(String sampleName) {
            if (sampleName.equals(name)) {
                return !"histogram".equals(type); // a histogram writes only suffixed series
            }
            return !"counter".equals(type)
                    && !"gauge".equals(type)
                    && sampleName.startsWith(name)
                    && HISTOGRAM_SUFFIXES.contains(sampleName.substring(name.length()));
        }
    }

    private PrometheusTextParser() {}

    /** Parses and validates {@code text}; throws {@link AssertionError} with the line number on a violation. */
    public static PrometheusTextParser parse(String text) {
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw fail(lines.length, "the last line must end with a line feed");
        }
        PrometheusTextParser parser = new PrometheusTextParser();
        for (int i = 0; i < lines.length - 1; i++) {
            parser.line(i + 1, lines[i]);
        }
        parser.closeFamily();
        return parser;
    }

    /** All samples in text order. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Samples with this exact name (for a histogram, e.g. {@code x_bucket}), in text order. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the series with exactly this name and label set; fails if there is none. */
    public double value(String name, Map<String, String> labels) {
        return samples(name).stream()
                .filter(s -> s.labels().equals(labels))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no series " + name + labels + "; series of that name: " + samples(name)))
                .value();
    }

    /** Family names in text order. */
    List<String> families() {
        return List.copyOf(families.keySet());
    }

    /** The TYPE of a family, or null if there is no such family. */
    String type(String family) {
        Family found = families.get(family);
        return found == null ? null : found.type;
    }

    /** The decoded HELP text of a family, or null if there is no such family. */
    String help(String family) {
        Family found = families.get(family);
        return found == null ? null : found.help;
    }

    private void line(int lineNumber, String line) {
        if (line.isEmpty()) {
            return; // the format ignores empty lines
        }
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            descriptor(lineNumber, line);
        } else if (!line.startsWith("#")) {
            sample(lineNumber, ExpositionGrammar.parseSample(lineNumber, line));
        } // any other comment is allowed and ignored
    }

    private void descriptor(int lineNumber, String line) {
        String[] parts = line.split(" ", 4); // "#", keyword, name, text
        if (parts.length < 3 || !ExpositionGrammar.METRIC_NAME.matcher(parts[2]).matches()) {
            throw fail(lineNumber, "expected a metric name after " + parts[1]);
        }
        Family family = familyFor(lineNumber, parts[2]);
        String text = parts.length == 4 ? parts[3] : "";
        if (parts[1].equals("HELP")) {
            if (family.help != null) {
                throw fail(lineNumber, "second HELP for " + family.name);
            }
            family.help = ExpositionGrammar.unescapeHelp(lineNumber, text);
        } else {
            if (family.type != null) {
                throw fail(lineNumber, "second TYPE for " + family.name);
            }
            if (!TYPES.contains(text)) {
                throw fail(lineNumber, "TYPE must be one of " + TYPES + ", was '" + text + "'");
            }
            family.type = text;
        }
    }

    /** The family a HELP or TYPE line describes: the current one, or a new one that closes it. */
    private Family familyFor(int lineNumber, String name) {
        if (current != null && current.name.equals(name)) {
            if (!current.samples.isEmpty()) {
                throw fail(lineNumber, "HELP and TYPE of " + name + " must precede its samples");
            }
            return current;
        }
        if (families.containsKey(name)) {
            throw fail(lineNumber, "family " + name + " appears twice; its lines must form one group");
        }
        closeFamily();
        current = new Family(name, lineNumber);
        families.put(name, current);
        return current;
    }

    private void sample(int lineNumber, Sample sample) {
        if (current == null || !current.owns(sample.name())) {
            throw fail(lineNumber, "sample " + sample.name() + " is not preceded by the HELP and TYPE of its family");
        }
        if (current.help == null || current.type == null) {
            String missing = current.type == null ? "TYPE" : "HELP";
            throw fail(lineNumber, "family " + current.name + " has no " + missing + " before its samples");
        }
        checkShape(lineNumber, sample);
        if (!seenSeries.add(new Series(sample.name(), sample.labels()))) {
            throw fail(lineNumber, "duplicate series " + sample.name() + sample.labels());
        }
        current.samples.add(sample);
        samples.add(sample);
    }

    private void checkShape(int lineNumber, Sample sample) {
        boolean isBucket = sample.name().equals(current.name + "_bucket");
        if (isBucket != sample.labels().containsKey("le")) {
            throw fail(lineNumber, isBucket ? "bucket without an le label" : "le label outside a _bucket series");
        }
        if (isBucket) {
            ExpositionGrammar.parseFloat(lineNumber, sample.labels().get("le"));
        }
        boolean mustBeCount = current.type.equals("counter")
                || (current.type.equals("histogram") && !sample.name().endsWith("_sum"));
        if (mustBeCount && !(sample.value() >= 0)) {
            throw fail(lineNumber, "a count must be a non-negative number, was " + sample.value());
        }
    }

    private void closeFamily() {
        if (current == null) {
            return;
        }
        if (current.help == null || current.type == null) {
            throw fail(current.firstLine, "family " + current.name + " needs both HELP and TYPE");
        }
        if (current.type.equals("histogram")) {
            HistogramRules.check(current.name, current.samples);
        }
        current = null;
    }
}
