package dev.stampede.engine.measure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog} through HdrHistogram's own {@link HistogramLogWriter}, so HdrHistogram's tools
 * read it: a header (comment, format version, {@code #[StartTime:]}, {@code #[BaseTime:]}, legend),
 * then interval lines whose timestamps are seconds since the start time.
 *
 * <p>{@code PrintStream} swallows I/O errors; they are checked at every {@link #flush()} and the first
 * one is remembered (then nothing more is written) instead of thrown, so a full disk does not stop the
 * live statistics that guards depend on. Not thread-safe: the {@link IntervalRecorder} calls it under
 * its lock.
 */
final class HlogWriter {

    private final PrintStream out;
    private final HistogramLogWriter writer;
    private String failure;

    HlogWriter(OutputStream stream, long startEpochMillis, String comment) {
        this.out = new PrintStream(stream, false, StandardCharsets.UTF_8);
        this.writer = new HistogramLogWriter(out);
        if (comment != null && !comment.isBlank()) {
            writer.outputComment(comment.replaceAll("[\\r\\n]+", " "));
        }
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputBaseTime(startEpochMillis);
        writer.outputLegend();
        flush();
    }

    /**
     * Writes one interval histogram.
     *
     * @param tag the line's tag, or null for an untagged line
     * @param startSec the interval's start, seconds since the log's start time
     * @param endSec the interval's end, seconds since the log's start time
     */
    void write(String tag, double startSec, double endSec, EncodableHistogram histogram) {
        if (failure != null) {
            return;
        }
        histogram.setTag(tag);
        // Interval_Max is written in milliseconds (ratio 1e6), the convention for nanosecond values.
        writer.outputIntervalHistogram(startSec, endSec, histogram, 1_000_000.0);
    }

    /** Flushes and notes the first write error. */
    void flush() {
        if (failure == null && out.checkError()) {
            failure = "writing the histogram log failed (disk full, or the file was closed); intervals after"
                    + " the failure are missing from it";
        }
    }

    /** The first write error, or null. */
    String failure() {
        return failure;
    }

    void close() {
        flush();
        out.close();
    }
}
