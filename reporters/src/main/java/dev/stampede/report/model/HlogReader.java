package dev.stampede.report.model;

import dev.stampede.engine.measure.HlogTags;
import dev.stampede.engine.measure.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;

/**
 * Reads {@code latency.hlog} (HdrHistogram's interval log, as the engine writes it; tags in {@link
 * HlogTags}) into one {@link SeriesAccumulator} per endpoint and one overall, streaming: one interval's
 * lines are held at a time, so that an interval the run may not have finished writing can be left out
 * whole.
 *
 * <p>Times follow HdrHistogram's {@code HistogramLogReader}: a line's timestamp plus the {@code BaseTime}
 * (when there is none: the {@code StartTime} when timestamps are below it, else 0) is absolute; the
 * series' times are seconds since the {@code StartTime}. Only lines that end with a line feed are read
 * (a killed run may leave the last one torn); a complete line that cannot be decoded, or has a tag
 * this build does not know, is skipped and noted.
 */
final class HlogReader {

    private static final int NOTED_LINES = 5;

    /** What the log held. */
    static final class Result {
        long startEpochMillis = -1;
        SeriesAccumulator overall;
        final Map<String, SeriesAccumulator> endpoints = new LinkedHashMap<>();
        double lastEndSeconds;
        int intervalsRead;
        int intervalsLeftOut;
        /** Lines left out: a torn last line and lines that could not be decoded. */
        int linesLeftOut;

        final List<String> notes = new ArrayList<>();
    }

    private final Path file;
    private final long cutoffMillis;
    private final Set<Metric> metrics;
    private final IntervalListener listener;
    private final int intervalsPerPoint;
    private final Result result = new Result();
    private final IntervalHistogramDecoder decoder = new IntervalHistogramDecoder();
    private final SparseCounts counts = new SparseCounts();
    private final Base64.Decoder base64 = Base64.getDecoder();
    private final List<Line> interval = new ArrayList<>();
    private double startTimeSec = Double.NaN;
    private double baseTimeSec = Double.NaN;
    private boolean timesKnown;
    private int badLines;
    private int unknownTags;

    private HlogReader(Path file, long cutoffMillis, ReadOptions options, int intervalsPerPoint) {
        this.file = file;
        this.cutoffMillis = cutoffMillis;
        this.metrics = options.metrics();
        this.listener = options.listener();
        this.intervalsPerPoint = intervalsPerPoint;
        result.overall = new SeriesAccumulator(SeriesResults.OVERALL, intervalsPerPoint);
    }

    /**
     * Reads {@code file}.
     *
     * @param cutoffMillis intervals starting at or after this many milliseconds since the start are left
     *     out (those a killed run had not finished); {@link Long#MAX_VALUE} for none
     * @param leaveOutLast whether to leave out the last interval too (a killed run without
     *     {@code intervals.jsonl}, which would say whether it was complete)
     */
    static Result read(Path file, long cutoffMillis, boolean leaveOutLast) throws IOException {
        return read(file, cutoffMillis, leaveOutLast, ReadOptions.ALL, 1);
    }

    /**
     * Reads {@code file}, decoding only the lines of the metrics {@code options} names and showing them
     * to its listener, {@code intervalsPerPoint} consecutive intervals merged into each point.
     */
    static Result read(Path file, long cutoffMillis, boolean leaveOutLast, ReadOptions options, int intervalsPerPoint)
            throws IOException {
        HlogReader reader = new HlogReader(file, cutoffMillis, options, intervalsPerPoint);
        long length = CompleteLines.completeLength(file);
        long size = Files.size(file);
        if (length < size) {
            reader.result.linesLeftOut++;
            reader.result.notes.add(String.format(
                    Locale.ROOT,
                    "%s: the last line was cut short (%d bytes; the run was stopped while writing it): left out",
                    file.getFileName(),
                    size - length));
        }
        try (BufferedReader in = CompleteLines.open(file, length)) {
            reader.readLines(in);
        }
        reader.finish(leaveOutLast);
        return reader.result;
    }

    private void readLines(BufferedReader in) throws IOException {
        String text;
        int number = 0;
        while ((text = in.readLine()) != null) {
            number++;
            if (text.isEmpty() || text.charAt(0) == '"') {
                continue; // the legend
            }
            if (text.charAt(0) == '#') {
                comment(text);
                continue;
            }
            Line line = parse(text, number);
            if (line == null) {
                continue;
            }
            if (!interval.isEmpty() && interval.get(0).startMillis != line.startMillis) {
                takeInterval();
            }
            interval.add(line);
        }
    }

    private void finish(boolean leaveOutLast) {
        if (!interval.isEmpty()) {
            if (leaveOutLast) {
                result.intervalsLeftOut++;
                interval.clear();
            } else {
                takeInterval();
            }
        }
        if (result.intervalsLeftOut > 0) {
            result.notes.add(String.format(
                    Locale.ROOT,
                    "%s: %d interval(s) after the last complete one left out",
                    file.getFileName(),
                    result.intervalsLeftOut));
        }
        if (badLines > NOTED_LINES) {
            result.notes.add(String.format(
                    Locale.ROOT, "%s: %d lines in all could not be decoded", file.getFileName(), badLines));
        }
        if (unknownTags > 0) {
            result.notes.add(String.format(
                    Locale.ROOT,
                    "%s: %d lines with tags this version does not know were skipped",
                    file.getFileName(),
                    unknownTags));
        }
        if (startTimeSec == startTimeSec) { // not NaN
            result.startEpochMillis = Math.round(startTimeSec * 1000);
        }
    }

    private void comment(String text) {
        if (text.startsWith("#[StartTime: ")) {
            startTimeSec = leadingNumber(text, "#[StartTime: ".length());
        } else if (text.startsWith("#[BaseTime: ")) {
            baseTimeSec = leadingNumber(text, "#[BaseTime: ".length());
        }
    }

    private static double leadingNumber(String text, int from) {
        int end = from;
        while (end < text.length() && " ,]".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        try {
            return Double.parseDouble(text.substring(from, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The line's tag, times and payload position; null (and noted) when it is not an interval line. */
    private Line parse(String text, int number) {
        try {
            String tag = null;
            int at = 0;
            if (text.startsWith("Tag=")) {
                at = text.indexOf(',');
                tag = text.substring(4, at);
                at++;
            }
            int first = text.indexOf(',', at);
            int second = text.indexOf(',', first + 1);
            int third = text.indexOf(',', second + 1);
            double timestamp = Double.parseDouble(text.substring(at, first));
            double length = Double.parseDouble(text.substring(first + 1, second));
            if (third < 0) {
                throw new NumberFormatException("no histogram field");
            }
            double start = relative(timestamp);
            return new Line(number, tag, start, start + length, Math.round(start * 1000), text, third + 1);
        } catch (RuntimeException e) { // IndexOutOfBounds, NumberFormat: a line that is not an interval
            bad(number, "not an interval line (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Seconds since the start time, by HdrHistogram's rules for the base time. */
    private double relative(double timestamp) {
        if (!timesKnown) {
            if (startTimeSec != startTimeSec) {
                startTimeSec = timestamp;
            }
            if (baseTimeSec != baseTimeSec) {
                baseTimeSec = timestamp < startTimeSec ? startTimeSec : 0.0;
            }
            timesKnown = true;
        }
        return timestamp + baseTimeSec - startTimeSec;
    }

    private void takeInterval() {
        Line first = interval.get(0);
        if (first.startMillis >= cutoffMillis) {
            result.intervalsLeftOut++;
            interval.clear();
            return;
        }
        for (Line line : interval) {
            take(line);
        }
        result.intervalsRead++;
        interval.clear();
    }

    private void take(Line line) {
        Metric metric;
        SeriesAccumulator series;
        if (line.tag == null) {
            metric = Metric.LATENCY;
            series = result.overall;
        } else {
            int colon = line.tag.indexOf(':');
            metric = metric(colon < 0 ? line.tag : line.tag.substring(0, colon));
            if (metric == null || (colon < 0 && metric == Metric.LATENCY)) {
                unknownTags++;
                return;
            }
            if (colon < 0) {
                series = result.overall;
            } else {
                String name;
                try {
                    name = HlogTags.unescape(line.tag.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    unknownTags++;
                    return;
                }
                series = result.endpoints.computeIfAbsent(name, n -> new SeriesAccumulator(n, intervalsPerPoint));
            }
        }
        if (!metrics.contains(metric)) {
            return; // skipped before decoding
        }
        byte[] encoded;
        BucketValues layout;
        try {
            encoded = base64.decode(line.text.substring(line.payloadAt).trim().getBytes(StandardCharsets.ISO_8859_1));
            layout = decoder.decode(encoded, encoded.length, counts);
        } catch (IllegalArgumentException | DataFormatException | BufferUnderflowException e) {
            bad(line.number, "its histogram could not be decoded (" + e.getMessage() + ")");
            return;
        }
        series.add(metric, result.intervalsRead, line.startMillis, line.startSeconds, line.endSeconds, counts, layout);
        if (listener != null) {
            listener.interval(series.name(), metric, result.intervalsRead, line.startSeconds, line.endSeconds, counts);
        }
        result.lastEndSeconds = Math.max(result.lastEndSeconds, line.endSeconds);
    }

    /** The intervals in {@code file}: distinct start times of its complete lines (a quick pass, nothing decoded). */
    static int countIntervals(Path file) throws IOException {
        int count = 0;
        try (BufferedReader in = CompleteLines.open(file, CompleteLines.completeLength(file))) {
            String previous = null;
            String text;
            while ((text = in.readLine()) != null) {
                if (text.isEmpty() || text.charAt(0) == '#' || text.charAt(0) == '"') {
                    continue;
                }
                int from = text.startsWith("Tag=") ? text.indexOf(',') + 1 : 0;
                int end = text.indexOf(',', from);
                if (from <= 0 && text.startsWith("Tag=") || end < 0) {
                    continue;
                }
                String start = text.substring(from, end);
                if (!start.equals(previous)) {
                    count++;
                    previous = start;
                }
            }
        }
        return count;
    }

    private static Metric metric(String prefix) {
        for (Metric metric : Metric.values()) {
            if (metric.tagPrefix().equals(prefix)) {
                return metric;
            }
        }
        return null;
    }

    private void bad(int number, String why) {
        badLines++;
        result.linesLeftOut++;
        if (badLines <= NOTED_LINES) {
            result.notes.add(String.format(Locale.ROOT, "%s line %d: %s: skipped", file.getFileName(), number, why));
        }
    }

    /** One interval line, parsed as far as its times. */
    private record Line(
            int number,
            String tag,
            double startSeconds,
            double endSeconds,
            long startMillis,
            String text,
            int payloadAt) {}
}
