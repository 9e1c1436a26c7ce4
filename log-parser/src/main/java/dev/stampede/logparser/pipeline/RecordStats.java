package dev.stampede.logparser.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the written records look like: time range, busiest second, distinct paths, top endpoints. The
 * merge thread merges the workers' {@link BatchStats} and takes back the few records rejected as out
 * of order. Endpoints are counted exactly up to a cap (an id-per-path log cannot exhaust memory), then
 * reported as "at least".
 */
final class RecordStats {

    static final int DISTINCT_CAP = 1_000_000;

    long first = Long.MIN_VALUE;
    long last = Long.MIN_VALUE;
    /** Method, then path, to a counter. */
    private final Map<String, Map<String, long[]>> endpoints = new HashMap<>();

    private long distinct;
    private final Map<Long, long[]> perSecond = new HashMap<>();
    boolean capped;

    void merge(BatchStats batch) {
        batch.forEachEndpoint((method, path, count) -> {
            Map<String, long[]> paths = endpoints.computeIfAbsent(method, m -> new HashMap<>());
            long[] counter = paths.get(path);
            if (counter != null) {
                counter[0] += count;
            } else if (distinct < DISTINCT_CAP) {
                paths.put(path, new long[] {count});
                distinct++;
            } else {
                capped = true;
            }
        });
        for (Map.Entry<Long, long[]> entry : batch.perSecond.entrySet()) {
            perSecond.merge(entry.getKey(), entry.getValue(), (a, b) -> {
                a[0] += b[0];
                return a;
            });
        }
    }

    /** Takes back a record counted in its batch's statistics but rejected (out of order). */
    void subtract(String method, String path, long startMicros) {
        Map<String, long[]> paths = endpoints.get(String.valueOf(method));
        long[] count = paths == null ? null : paths.get(String.valueOf(path));
        if (count != null) {
            count[0]--;
        }
        long[] second = perSecond.get(Math.floorDiv(startMicros, 1_000_000L));
        if (second != null) {
            second[0]--;
        }
    }

    /** Called for every range of written records, in time order. */
    void written(long firstStart, long lastStart) {
        if (first == Long.MIN_VALUE) {
            first = firstStart;
        }
        last = lastStart;
    }

    long peakPerSecond() {
        return perSecond.values().stream().mapToLong(c -> c[0]).max().orElse(0);
    }

    long peakSecondMicros() {
        long best = -1;
        long bestSecond = 0;
        for (Map.Entry<Long, long[]> entry : perSecond.entrySet()) {
            if (entry.getValue()[0] > best || (entry.getValue()[0] == best && entry.getKey() < bestSecond)) {
                best = entry.getValue()[0];
                bestSecond = entry.getKey();
            }
        }
        return bestSecond * 1_000_000L;
    }

    long distinctPaths() {
        Set<String> paths = new HashSet<>();
        for (Map<String, long[]> byPath : endpoints.values()) {
            for (Map.Entry<String, long[]> entry : byPath.entrySet()) {
                if (entry.getValue()[0] > 0) {
                    paths.add(entry.getKey());
                }
            }
        }
        return paths.size();
    }

    /** The {@code n} most requested {@code METHOD path}s, most first. */
    Map<String, Long> top(int n) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> method : endpoints.entrySet()) {
            for (Map.Entry<String, long[]> path : method.getValue().entrySet()) {
                if (path.getValue()[0] > 0) {
                    entries.add(Map.entry(BatchStats.key(method.getKey(), path.getKey()), path.getValue()[0]));
                }
            }
        }
        entries.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        Map<String, Long> top = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(n, entries.size()))) {
            top.put(entry.getKey(), entry.getValue());
        }
        return top;
    }
}
