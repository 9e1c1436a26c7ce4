package dev.stampede.cli;

import dev.stampede.logparser.pipeline.ParseSummary;
import dev.stampede.logparser.pipeline.RejectedLine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Prints a parse summary for people: what was read, what became of it, what the traffic looks like. */
final class SummaryPrinter {

    private final PrintWriter out;

    SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(ParseSummary s, Path store) {
        out.printf(
                Locale.ROOT,
                "parsed %,d of %,d lines in %.1fs (%,.0f lines/s, %.1f MB/s) with %s%n",
                s.parsed(),
                s.linesRead(),
                s.elapsedSeconds(),
                s.linesPerSecond(),
                s.megabytesPerSecond(),
                s.format());
        out.printf(
                Locale.ROOT,
                "  rejected %,d%s   skipped %,d%s%n",
                s.rejected(),
                breakdown(s.rejectedByReason()),
                s.skipped(),
                breakdown(s.skippedByFilter()));
        if (s.firstStartMicros() != null) {
            out.printf(
                    Locale.ROOT,
                    "  time range %s .. %s; peak %,d requests/s at %s%n",
                    iso(s.firstStartMicros()),
                    iso(s.lastStartMicros()),
                    s.peakRequestsPerSecond(),
                    iso(s.peakSecondMicros()));
            out.printf(
                    Locale.ROOT,
                    "  %s%,d distinct paths; top endpoints:%n",
                    s.distinctCapped() ? "at least " : "",
                    s.distinctPaths());
            s.topEndpoints().entrySet().stream()
                    .limit(5)
                    .forEach(e -> out.printf(Locale.ROOT, "    %,10d  %s%n", e.getValue(), e.getKey()));
        }
        if (!s.rejectionSamples().isEmpty()) {
            out.println("  first rejected lines:");
            for (RejectedLine line : s.rejectionSamples()) {
                out.println("    " + line.describe());
            }
        }
        out.printf(Locale.ROOT, "record store: %s (summary.json inside)%n", store);
        out.flush();
    }

    private static String breakdown(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        counts.forEach((k, v) ->
                text.append(text.length() > 2 ? ", " : "").append(k).append(' ').append(v));
        return text.append(')').toString();
    }

    /** To the second: the summary line is for people; summary.json keeps the exact time. */
    private static String iso(long micros) {
        return ParseSummary.iso(Math.floorDiv(micros, 1_000_000L) * 1_000_000L);
    }
}
