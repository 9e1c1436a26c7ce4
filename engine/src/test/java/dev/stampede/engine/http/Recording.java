package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Records completions by id (the intended time is the id); counts calls to catch double completion. */
final class Recording implements Completion {

    private final AtomicIntegerArray calls;
    private final SendResult[] results;
    private final int[] statuses;
    private final long[] sentNanos;
    private final long[] doneNanos;
    private final long[] bodyBytes;
    private final int[] endpoints;
    private final CountDownLatch all;

    Recording(int sends) {
        calls = new AtomicIntegerArray(sends);
        results = new SendResult[sends];
        statuses = new int[sends];
        sentNanos = new long[sends];
        doneNanos = new long[sends];
        bodyBytes = new long[sends];
        endpoints = new int[sends];
        all = new CountDownLatch(sends);
    }

    @Override
    public void done(
            int endpoint, long intendedNanos, long sent, long done, int status, long bytes, SendResult result) {
        int id = (int) intendedNanos;
        results[id] = result;
        statuses[id] = status;
        sentNanos[id] = sent;
        doneNanos[id] = done;
        bodyBytes[id] = bytes;
        endpoints[id] = endpoint;
        calls.incrementAndGet(id);
        all.countDown();
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits (up to 10 s) until at least {@code count} sends have completed. */
    synchronized boolean awaitAtLeast(long count) throws InterruptedException {
        NanoClock clock = NanoClock.system();
        long deadline = clock.nanoTime() + 10_000_000_000L;
        while (completed() < count) {
            long leftMillis = (deadline - clock.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                return false;
            }
            wait(leftMillis);
        }
        return true;
    }

    boolean awaitAll() throws InterruptedException {
        return all.await(10, TimeUnit.SECONDS);
    }

    long completed() {
        return calls.length() - all.getCount();
    }

    int calls(int id) {
        return calls.get(id);
    }

    SendResult result(int id) {
        return results[id];
    }

    int status(int id) {
        return statuses[id];
    }

    long sentNanos(int id) {
        return sentNanos[id];
    }

    long doneNanos(int id) {
        return doneNanos[id];
    }

    long bodyBytes(int id) {
        return bodyBytes[id];
    }

    int endpoint(int id) {
        return endpoints[id];
    }

    /** Results of ids in [from, to), by result. */
    Map<SendResult, Integer> counts(int from, int to) {
        Map<SendResult, Integer> counts = new EnumMap<>(SendResult.class);
        for (int id = from; id < to; id++) {
            counts.merge(results[id], 1, Integer::sum);
        }
        return counts;
    }

    /** Ids completed other than exactly once. */
    int notExactlyOnce() {
        int bad = 0;
        for (int id = 0; id < calls.length(); id++) {
            if (calls.get(id) != 1) {
                bad++;
            }
        }
        return bad;
    }
}
