package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every line of a dataset file through one parser: the records, the rejections by line number. */
record DatasetRun(List<String> lines, List<RequestRecord> records, Map<Long, Rejection> rejections) {

    /** Reads {@code file} as ISO-8859-1 (one char per byte, as the pipeline does) and parses each line. */
    static DatasetRun of(ApacheLogFormat format, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LineParser parser = format.newParser();
        List<RequestRecord> records = new ArrayList<>();
        Map<Long, Rejection> rejections = new TreeMap<>();
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < lines.size(); i++) {
            Rejection why = parser.parse(lines.get(i), record.reset());
            if (why == null) {
                records.add(record.source(file.getFileName().toString(), i + 1).copy());
            } else {
                rejections.put(i + 1L, why);
            }
        }
        return new DatasetRun(lines, records, Collections.unmodifiableMap(rejections));
    }

    /** The record of line {@code number} (from 1). */
    RequestRecord line(long number) {
        return records.stream()
                .filter(r -> r.sourceLine() == number)
                .findFirst()
                .orElseThrow(() -> new AssertionError("line " + number + " was rejected: " + rejections.get(number)));
    }

    Map<Rejection.Reason, Integer> rejectionsByReason() {
        Map<Rejection.Reason, Integer> counts = new EnumMap<>(Rejection.Reason.class);
        rejections.values().forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return counts;
    }
}
