package dev.stampede.logparser.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * Traffic statistics of one batch, computed on the worker that parsed it (the per-record lookups would
 * cost the single merge thread too much), then merged: requests per method and path, and per second.
 */
final class BatchStats {

    /** Method, then path, to a one-element counter (no key is built per record). */
    final Map<String, Map<String, long[]>> endpoints = new HashMap<>(4);

    final Map<Long, long[]> perSecond = new HashMap<>();
    private long lastSecond = Long.MIN_VALUE;
    private long[] lastSecondCount;

    /** Counts a record of {@code method} and {@code path} that started at {@code startMicros}. */
    void add(String method, String path, long startMicros) {
        endpoints.computeIfAbsent(String.valueOf(method), m -> new HashMap<>())
                .computeIfAbsent(String.valueOf(path), p -> new long[1])[0]++;
        long second = Math.floorDiv(startMicros, 1_000_000L);
        if (second != lastSecond) {
            lastSecond = second;
            lastSecondCount = perSecond.computeIfAbsent(second, k -> new long[1]);
        }
        lastSecondCount[0]++;
    }

    /** {@code METHOD path}, as endpoints are reported. */
    static String key(String method, String path) {
        return method + " " + path;
    }
}
