package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.RequestRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the written records look like: time range, busiest second, distinct paths, top endpoints. Fed
 * in time order on the merge thread. Distinct paths and endpoints are counted exactly up to a cap (so
 * an id-per-path log cannot exhaust memory), then reported as "at least".
 */
final class RecordStats {

    static final int DISTINCT_CAP = 1_000_000;

    long first = Long.MIN_VALUE;
    long last = Long.MIN_VALUE;
    private long currentSecond = Long.MIN_VALUE;
    private long currentCount;
    long peakPerSecond;
    long peakSecondMicros;
    private final Set<String> paths = new HashSet<>();
    private final Map<String, long[]> endpoints = new HashMap<>();
    boolean capped;

    void add(RequestRecord record) {
        long start = record.startMicros();
        if (first == Long.MIN_VALUE) {
            first = start;
        }
        last = start;
        long second = Math.floorDiv(start, 1_000_000L);
        if (second != currentSecond) {
            currentSecond = second;
            currentCount = 0;
        }
        if (++currentCount > peakPerSecond) {
            peakPerSecond = currentCount;
            peakSecondMicros = second * 1_000_000L;
        }
        String path = record.path();
        if (paths.size() < DISTINCT_CAP) {
            paths.add(path);
        } else if (!paths.contains(path)) {
            capped = true;
        }
        String endpoint = record.method() + " " + path;
        long[] count = endpoints.get(endpoint);
        if (count != null) {
            count[0]++;
        } else if (endpoints.size() < DISTINCT_CAP) {
            endpoints.put(endpoint, new long[] {1});
        } else {
            capped = true;
        }
    }

    long distinctPaths() {
        return paths.size();
    }

    /** The {@code n} most requested {@code METHOD path}s, most first. */
    Map<String, Long> top(int n) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(endpoints.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        Map<String, Long> top = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : entries.subList(0, Math.min(n, entries.size()))) {
            top.put(entry.getKey(), entry.getValue()[0]);
        }
        return top;
    }
}
