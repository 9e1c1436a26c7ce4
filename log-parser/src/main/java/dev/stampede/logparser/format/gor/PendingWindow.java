package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.DocumentFormat.EntrySink;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests waiting for their original response, in input order, with the rejections that came after
 * them queued behind, so the sink hears everything in input order. A request leaves the window when its
 * original response (type 2) arrives and everything before it has left; or, without a response, when
 * the window holds more than its limits (entries or bytes) or the input ends: then it keeps status 0.
 * A response that comes after its request left is recognised (the ids of recent requests are kept) and
 * dropped; one whose request was never seen is rejected. Single-threaded.
 */
final class PendingWindow {

    private final EntrySink sink;
    private final int maxEntries;
    private final long maxBytes;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Map<String, Pending> waiting = new HashMap<>();
    private final Map<String, Boolean> recentlyLeft;
    private long bytes;

    PendingWindow(EntrySink sink, int maxEntries, long maxBytes) {
        this.sink = sink;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.recentlyLeft = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** A parsed request (type 1) that took {@code size} bytes of input. */
    void request(String id, long timestampNs, RequestRecord record, int size) {
        Pending pending = new Pending(id, record, timestampNs, size);
        queue.addLast(pending);
        // A repeated id (not something GoReplay writes) leaves the earlier request without a response.
        waiting.put(id, pending);
        bytes += size;
        drain();
    }

    /**
     * A response entry. An original response (type 2) gives the status and the request time; a replayed
     * one (type 3) describes the system the capture was replayed against, so it only gives the status
     * when no original response has.
     *
     * @return {@code false} when no request with that id was seen (the caller rejects the entry)
     */
    boolean response(GorMeta meta, int status) {
        Pending pending = waiting.get(meta.id());
        if (pending == null) {
            return recentlyLeft.containsKey(meta.id());
        }
        if (meta.type() == GorMeta.ORIGINAL_RESPONSE) {
            pending.record.status(status);
            pending.record.requestTimeMicros(requestTimeMicros(pending.timestampNs, meta));
            pending.answered = true;
            drain();
        } else if (pending.record.status() == 0) {
            pending.record.status(status);
        }
        return true;
    }

    /** A rejected entry, told to the sink once every request before it has left. */
    void reject(long line, String text, Rejection why) {
        queue.addLast(new Pending(line, text, why));
        drain();
    }

    /** The input ended: everything left goes to the sink, requests without a response with status 0. */
    void finish() {
        while (!queue.isEmpty()) {
            emit(queue.pollFirst());
        }
    }

    /**
     * Time from the request's start to its original response's start (the response's timestamp in
     * GoReplay 1.x), a lower bound on the request time that needs no guess about the latency field,
     * whose meaning changed between versions. Versions that stamped a response with its request's
     * start time instead put the round trip in the latency field, which is then used.
     */
    static long requestTimeMicros(long requestNs, GorMeta response) {
        long elapsedNs = response.timestampNs() - requestNs;
        if (elapsedNs > 0) {
            return elapsedNs / 1000;
        }
        if (elapsedNs == 0 && response.latencyNs() >= 0) {
            return response.latencyNs() / 1000;
        }
        return RequestRecord.UNKNOWN;
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Pending head = queue.peekFirst();
            boolean full = queue.size() > maxEntries || bytes > maxBytes;
            if (!head.done() && !full) {
                return;
            }
            emit(queue.pollFirst());
        }
    }

    private void emit(Pending pending) {
        if (pending.record == null) {
            sink.rejected(pending.line, pending.text, pending.rejection);
            return;
        }
        bytes -= pending.size;
        if (waiting.get(pending.id) == pending) {
            waiting.remove(pending.id);
        }
        recentlyLeft.put(pending.id, Boolean.TRUE);
        sink.parsed(pending.record);
    }

    /** A request waiting for its response, or a rejection waiting for the requests before it. */
    private static final class Pending {
        final String id;
        final RequestRecord record;
        final long timestampNs;
        final int size;
        final long line;
        final String text;
        final Rejection rejection;
        boolean answered;

        Pending(String id, RequestRecord record, long timestampNs, int size) {
            this.id = id;
            this.record = record;
            this.timestampNs = timestampNs;
            this.size = size;
            this.line = 0;
            this.text = null;
            this.rejection = null;
        }

        Pending(long line, String text, Rejection rejection) {
            this.id = null;
            this.record = null;
            this.timestampNs = 0;
            this.size = 0;
            this.line = line;
            this.text = text;
            this.rejection = rejection;
        }

        boolean done() {
            return record == null || answered;
        }
    }
}
