package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.RequestRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Traffic statistics of one batch, computed on the worker that parsed it (building endpoint keys costs
 * string work per record, which the single merge thread cannot afford), then merged.
 */
final class BatchStats {

    final Map<String, long[]> endpoints = new HashMap<>();
    final Map<Long, long[]> perSecond = new HashMap<>();

    /** Counts {@code record}; returns its endpoint key. */
    String add(RequestRecord record) {
        String key = key(record);
        endpoints.computeIfAbsent(key, k -> new long[1])[0]++;
        perSecond.computeIfAbsent(Math.floorDiv(record.startMicros(), 1_000_000L), k -> new long[1])[0]++;
        return key;
    }

    static String key(RequestRecord record) {
        return record.method() + " " + record.path();
    }
}
