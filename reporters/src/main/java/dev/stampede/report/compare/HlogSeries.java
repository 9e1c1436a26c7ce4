package dev.stampede.report.compare;

import dev.stampede.engine.measure.HlogTags;
import dev.stampede.engine.measure.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latency series of {@code latency.hlog} (HdrHistogram's interval log format 1.3): the untagged
 * lines (the whole run) and the {@code latency:<escaped name>} lines (each endpoint), each decoded with
 * HdrHistogram's own {@link Histogram#decodeFromCompressedByteBuffer}; service-time and send-lag lines
 * are skipped <em>before</em> decoding.
 *
 * <p>Why not HdrHistogram's {@code HistogramLogReader}: it decodes every line (two thirds of them are
 * service time and send lag, which the comparison does not use) and parses with a regex {@code
 * Scanner}. On a synthetic hour at 10k req/s over 30 endpoints (331,000 lines, 157 MB) it took 16 s per
 * log on the 2-core build machine, splitting lines and skipping first about 4 s. The line layout is
 * the format's own: {@code [Tag=<tag>,]<start s>,<length s>,<max>,<base64 compressed histogram>};
 * {@code #} comments and the {@code "StartTimestamp"} legend are skipped.
 *
 * <p>Lines with the same start time form one interval. The engine writes an interval's endpoint lines
 * first and its untagged line last, so the last interval of a killed run counts only when its untagged
 * line is there; a damaged line ends the reading (everything before it counts, and a note says so).
 *
 * @param overall the whole run's latency
 * @param endpoints each endpoint's latency by name, in the order of first appearance
 * @param intervals the complete intervals read
 * @param spanSeconds from the first interval's start to the last one's end, 0 without intervals
 * @param notes what was worked around
 */
record HlogSeries(
        LatencySeries overall,
        Map<String, LatencySeries> endpoints,
        int intervals,
        double spanSeconds,
        List<String> notes) {

    private static final String TAG_PREFIX = "Tag=";
    private static final String LATENCY_PREFIX = Metric.LATENCY.tagPrefix() + ":";

    /** Reads {@code file}; throws {@link ResultDirectoryException} naming it when it cannot be read. */
    static HlogSeries read(Path file) {
        Reading reading = new Reading();
        int lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("\"")) {
                    continue;
                }
                try {
                    readLine(line, reading);
                } catch (RuntimeException | DataFormatException e) {
                    reading.notes.add(file + ":" + lineNumber + " is damaged ("
                            + e.getClass().getSimpleName() + "); the intervals before it count, nothing after it");
                    break;
                }
            }
        } catch (IOException e) {
            throw new ResultDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return reading.finish(file);
    }

    /** One interval line: skipped unless latency, else decoded and handed to {@code reading}. */
    private static void readLine(String line, Reading reading) throws DataFormatException {
        String tag = null;
        int from = 0;
        if (line.startsWith(TAG_PREFIX)) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("a tag without fields");
            }
            tag = line.substring(TAG_PREFIX.length(), comma);
            from = comma + 1;
        }
        if (tag != null && !tag.startsWith(LATENCY_PREFIX)) {
            return;
        }
        String[] fields = line.substring(from).split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(fields.length + " fields, expected 4");
        }
        double startSeconds = Double.parseDouble(fields[0]);
        double lengthSeconds = Double.parseDouble(fields[1]);
        Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(fields[3])), 0);
        reading.line(tag, Math.round(startSeconds * 1e3), Math.round((startSeconds + lengthSeconds) * 1e3), histogram);
    }

    /** Groups the lines of one interval and commits it when the next begins. */
    private static final class Reading {
        private final LatencySeries overall = new LatencySeries();
        private final Map<String, LatencySeries> endpoints = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, AbstractHistogram> pending = new LinkedHashMap<>();
        private AbstractHistogram pendingOverall;
        private long pendingStartMillis = Long.MIN_VALUE;
        private long pendingEndMillis;
        private long firstStartMillis = Long.MIN_VALUE;
        private long lastEndMillis;
        private int intervals;

        void line(String tag, long startMillis, long endMillis, AbstractHistogram histogram) {
            if (startMillis != pendingStartMillis) {
                commit();
                pendingStartMillis = startMillis;
            }
            pendingEndMillis = Math.max(pendingEndMillis, endMillis);
            if (tag == null) {
                pendingOverall = histogram;
            } else {
                pending.put(endpointName(tag.substring(LATENCY_PREFIX.length())), histogram);
            }
        }

        /** The endpoint's name; a tag the engine's escaping did not make is kept as it is. */
        private static String endpointName(String escaped) {
            try {
                return HlogTags.unescape(escaped);
            } catch (IllegalArgumentException e) {
                return escaped;
            }
        }

        private void commit() {
            if (pendingStartMillis == Long.MIN_VALUE) {
                return;
            }
            if (pendingEndMillis <= pendingStartMillis && empty()) {
                discard(); // the zero-length interval a close right after a tick writes
                return;
            }
            if (pendingOverall != null) {
                overall.add(pendingOverall);
            }
            for (Map.Entry<String, AbstractHistogram> entry : pending.entrySet()) {
                endpoints
                        .computeIfAbsent(entry.getKey(), name -> new LatencySeries())
                        .add(entry.getValue());
            }
            if (firstStartMillis == Long.MIN_VALUE) {
                firstStartMillis = pendingStartMillis;
            }
            lastEndMillis = pendingEndMillis;
            intervals++;
            discard();
        }

        private boolean empty() {
            return (pendingOverall == null || pendingOverall.getTotalCount() == 0)
                    && pending.values().stream().allMatch(h -> h.getTotalCount() == 0);
        }

        private void discard() {
            pending.clear();
            pendingOverall = null;
            pendingStartMillis = Long.MIN_VALUE;
            pendingEndMillis = 0;
        }

        HlogSeries finish(Path file) {
            if (pendingStartMillis != Long.MIN_VALUE && pendingOverall == null) {
                notes.add(file + ": the last interval is incomplete (the run was killed while writing it) and"
                        + " is left out");
            } else {
                commit();
            }
            double span = intervals == 0 ? 0 : (lastEndMillis - firstStartMillis) / 1e3;
            return new HlogSeries(overall, endpoints, intervals, span, notes);
        }
    }
}
