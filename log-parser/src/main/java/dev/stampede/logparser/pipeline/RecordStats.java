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
    private final Map<String, long[]> endpoints = new HashMap<>();
    private final Map<Long, long[]> perSecond = new HashMap<>();
    boolean capped;

    void merge(BatchStats batch) {
        for (Map.Entry<String, long[]> entry : batch.endpoints.entrySet()) {
            long[] count = endpoints.get(entry.getKey());
            if (count != null) {
                count[0] += entry.getValue()[0];
            } else if (endpoints.size() < DISTINCT_CAP) {
                endpoints.put(entry.getKey(), entry.getValue());
            } else {
                capped = true;
            }
        }
        for (Map.Entry<Long, long[]> entry : batch.perSecond.entrySet()) {
            perSecond.merge(entry.getKey(), entry.getValue(), (a, b) -> {
                a[0] += b[0];
                return a;
            });
        }
    }

    void subtract(Item item) {
        long[] count = endpoints.get(item.endpoint);
        if (count != null) {
            count[0]--;
        }
        long[] second = perSecond.get(Math.floorDiv(item.startMicros, 1_000_000L));
        if (second != null) {
            second[0]--;
        }
    }

    /** Called for every written record, in time order. */
    void written(Item item) {
        if (first == Long.MIN_VALUE) {
            first = item.startMicros;
        }
        last = item.startMicros;
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
        for (Map.Entry<String, long[]> entry : endpoints.entrySet()) {
            if (entry.getValue()[0] > 0) {
                paths.add(entry.getKey().substring(entry.getKey().indexOf(' ') + 1));
            }
        }
        return paths.size();
    }

    /** The {@code n} most requested {@code METHOD path}s, most first. */
    Map<String, Long> top(int n) {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(endpoints.entrySet());
        entries.removeIf(e -> e.getValue()[0] <= 0);
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        Map<String, Long> top = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : entries.subList(0, Math.min(n, entries.size()))) {
            top.put(entry.getKey(), entry.getValue()[0]);
        }
        return top;
    }
}
