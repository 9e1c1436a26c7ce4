package dev.stampede.logparser.pipeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Traffic statistics of one batch, computed on the worker that parsed it (the per-record lookups would
 * cost the single merge thread too much), then merged: requests per method and path, and per second.
 *
 * <p>Endpoints are counted in an open-addressing table found by a hash of the path's length and a few
 * of its characters, then {@code equals}: a path is a fresh string per record, and hashing all of it
 * for a hash map was a tenth of a worker's time.
 */
final class BatchStats {

    private String[] methods;
    private String[] paths;
    private long[] counts;
    private int size;

    final Map<Long, long[]> perSecond = new HashMap<>();
    private long lastSecond = Long.MIN_VALUE;
    private long[] lastSecondCount;

    /**
     * @param expectedEndpoints about how many distinct endpoints the batch will have (the previous
     *     batch's count): the table starts that large instead of doubling its way there per batch
     */
    BatchStats(int expectedEndpoints) {
        int slots = Integer.highestOneBit(Math.max(128, Math.min(expectedEndpoints, 1 << 20)) * 4 - 1);
        methods = new String[slots];
        paths = new String[slots];
        counts = new long[slots];
    }

    /** Counts a record of {@code method} and {@code path} that started at {@code startMicros}. */
    void add(String method, String path, long startMicros) {
        String m = String.valueOf(method);
        String p = String.valueOf(path);
        int mask = paths.length - 1;
        int slot = hash(m, p) & mask;
        while (paths[slot] != null) {
            if (paths[slot].equals(p) && methods[slot].equals(m)) {
                counts[slot]++;
                countSecond(startMicros);
                return;
            }
            slot = (slot + 1) & mask;
        }
        methods[slot] = m;
        paths[slot] = p;
        counts[slot] = 1;
        if (++size * 2 > paths.length) {
            grow();
        }
        countSecond(startMicros);
    }

    private void countSecond(long startMicros) {
        long second = Math.floorDiv(startMicros, 1_000_000L);
        if (second != lastSecond) {
            lastSecond = second;
            lastSecondCount = perSecond.computeIfAbsent(second, k -> new long[1]);
        }
        lastSecondCount[0]++;
    }

    private static int hash(String method, String path) {
        int n = path.length();
        int h = n * 31 + method.length();
        if (n > 0) {
            h = h * 31 + path.charAt(n - 1);
            h = h * 31 + path.charAt(n >> 1);
            h = h * 31 + path.charAt((n * 3) >> 2);
            h = h * 31 + path.charAt(n >> 2);
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldMethods = methods;
        String[] oldPaths = paths;
        long[] oldCounts = counts;
        methods = new String[oldPaths.length * 2];
        paths = new String[oldPaths.length * 2];
        counts = new long[oldPaths.length * 2];
        int mask = paths.length - 1;
        for (int i = 0; i < oldPaths.length; i++) {
            if (oldPaths[i] != null) {
                int slot = hash(oldMethods[i], oldPaths[i]) & mask;
                while (paths[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                methods[slot] = oldMethods[i];
                paths[slot] = oldPaths[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** Calls {@code visitor} with every (method, path, count) of the batch. */
    void forEachEndpoint(EndpointVisitor visitor) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] != null) {
                visitor.visit(methods[i], paths[i], counts[i]);
            }
        }
    }

    /** Distinct (method, path) pairs in the batch. */
    int endpoints() {
        return size;
    }

    /** Receives one endpoint's count. */
    interface EndpointVisitor {
        void visit(String method, String path, long count);
    }

    /** {@code METHOD path}, as endpoints are reported. */
    static String key(String method, String path) {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return size + " endpoints, " + Arrays.stream(counts).sum() + " requests";
    }
}
