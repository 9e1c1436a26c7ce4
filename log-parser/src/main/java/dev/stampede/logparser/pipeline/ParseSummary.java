package dev.stampede.logparser.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parse did, as printed and as written to {@code STORE/summary.json} (schema version 1, see
 * docs/architecture.md). {@code linesRead = parsed + rejected + skipped}, always.
 *
 * @param format the format used
 * @param unit what {@code linesRead} counts: {@code lines}, or {@code entries} for document formats
 * @param linesRead lines (or, for document formats, entries) read from all inputs
 * @param parsed records written to the store
 * @param rejected lines not parsed, including records out of the reorder window
 * @param rejectedByReason rejected lines by reason code
 * @param skipped records dropped by a filter
 * @param skippedByFilter skipped records by filter
 * @param inputs per input: lines, parsed, rejected, skipped
 * @param firstStartMicros start of the earliest record written (epoch µs), or null when none
 * @param lastStartMicros start of the latest record written, or null
 * @param peakRequestsPerSecond most records starting in one second
 * @param peakSecondMicros that second
 * @param distinctPaths distinct paths (query left out); a lower bound when {@code distinctCapped}
 * @param distinctCapped whether distinct counting hit its cap
 * @param topEndpoints the most requested {@code METHOD path}s
 * @param elapsedSeconds wall time of the parse
 * @param linesPerSecond {@code linesRead / elapsedSeconds}
 * @param megabytesPerSecond input bytes (as stored, compressed or not) per second
 * @param rejectionSamples the first rejected lines, for display
 */
public record ParseSummary(
        String format,
        String unit,
        long linesRead,
        long parsed,
        long rejected,
        Map<String, Long> rejectedByReason,
        long skipped,
        Map<String, Long> skippedByFilter,
        Map<String, Map<String, Long>> inputs,
        Long firstStartMicros,
        Long lastStartMicros,
        long peakRequestsPerSecond,
        Long peakSecondMicros,
        long distinctPaths,
        boolean distinctCapped,
        Map<String, Long> topEndpoints,
        double elapsedSeconds,
        double linesPerSecond,
        double megabytesPerSecond,
        List<RejectedLine> rejectionSamples) {

    /** Version of the summary.json schema. */
    public static final int SCHEMA_VERSION = 1;

    /** Rejected share of the lines that were not skipped. */
    public double rejectRatio() {
        long considered = parsed + rejected;
        return considered == 0 ? 0 : rejected / (double) considered;
    }

    /** Writes {@code summary.json}. */
    public void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("format", format);
        json.put("unit", unit);
        json.put("linesRead", linesRead);
        json.put("parsed", parsed);
        json.put("rejected", rejected);
        json.put("rejectedByReason", rejectedByReason);
        json.put("skipped", skipped);
        json.put("skippedByFilter", skippedByFilter);
        json.put("inputs", inputs);
        json.put("firstStart", firstStartMicros == null ? null : iso(firstStartMicros));
        json.put("lastStart", lastStartMicros == null ? null : iso(lastStartMicros));
        json.put("firstStartMicros", firstStartMicros);
        json.put("lastStartMicros", lastStartMicros);
        json.put("peakRequestsPerSecond", peakRequestsPerSecond);
        json.put("peakSecond", peakSecondMicros == null ? null : iso(peakSecondMicros));
        json.put("distinctPaths", distinctPaths);
        json.put("distinctPathsIsLowerBound", distinctCapped);
        json.put("topEndpoints", topEndpoints);
        json.put("elapsedSeconds", elapsedSeconds);
        json.put("linesPerSecond", Math.round(linesPerSecond));
        json.put("megabytesPerSecond", Math.round(megabytesPerSecond * 10) / 10.0);
        json.put("rejectRatio", rejectRatio());
        json.put(
                "rejectionSamples",
                rejectionSamples.stream()
                        .map(s -> {
                            Map<String, Object> sample = new LinkedHashMap<>();
                            sample.put("file", s.source());
                            sample.put("line", s.line());
                            sample.put("reason", s.rejection().reason().code());
                            sample.put("detail", s.rejection().describe());
                            return sample;
                        })
                        .toList());
        // Jackson's streaming generator, not an ObjectMapper: the same indented JSON, without the mapper's
        // set-up (about 30 ms of every parse's fixed cost).
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator generator = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            writeValue(generator, json);
        }
    }

    /** Writes maps, lists, strings, numbers, booleans and nulls, as an ObjectMapper would. */
    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    /** {@code micros} since the epoch as ISO-8601 UTC, e.g. {@code 2026-11-21T09:30:01.250Z}. */
    public static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
    }
}
