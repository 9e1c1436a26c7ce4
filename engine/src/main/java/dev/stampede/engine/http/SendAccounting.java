package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A pool's count of accepted sends and the one place that ends them: exactly once, with the done stamp
 * from the pool's clock, a completion that throws counted and otherwise ignored. Shared by {@link
 * ConnectionPool} and {@link Http2ConnectionPool}. Thread-safe; hot path: one atomic increment per
 * accepted send and one decrement per end, no allocation.
 */
final class SendAccounting {

    private final NanoClock clock;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong callbackErrors = new AtomicLong();

    SendAccounting(NanoClock clock) {
        this.clock = clock;
    }

    /** Counts one more outstanding send unless that would exceed {@code maxOutstanding}. Any thread. */
    boolean tryAccept(int maxOutstanding) {
        if (outstanding.incrementAndGet() > maxOutstanding) {
            outstanding.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * A pool's send: refused at once, unsent, when the pool is stopping or has {@code maxOutstanding}
     * requests outstanding; else accepted and handed to the pool's event loop as an {@link Exchange}
     * ({@code dispatch} runs it there; in place when already on the loop). A loop that refuses the task
     * (shut down) ends the request unsent. Any thread; hot path: one {@code Exchange}, one atomic
     * increment, at most one hand-over.
     */
    void submit(
            boolean stopping,
            int maxOutstanding,
            EventLoop loop,
            Consumer<Exchange> dispatch,
            RequestTemplate template,
            int endpoint,
            long intendedNanos,
            Completion completion) {
        if (stopping) {
            refuse(template, endpoint, intendedNanos, completion, SendResult.UNSENT_STOPPED);
            return;
        }
        if (!tryAccept(maxOutstanding)) {
            refuse(template, endpoint, intendedNanos, completion, SendResult.UNSENT_INFLIGHT_CAP);
            return;
        }
        Exchange exchange = new Exchange(dispatch, template, endpoint, intendedNanos, completion);
        if (loop.inEventLoop()) {
            exchange.run();
            return;
        }
        try {
            loop.execute(exchange);
        } catch (RejectedExecutionException e) {
            unaccept();
            refuse(template, endpoint, intendedNanos, completion, SendResult.UNSENT_STOPPED);
        }
    }

    /** Takes back a {@link #tryAccept} whose send never reached the pool (the event loop refused it). */
    void unaccept() {
        outstanding.decrementAndGet();
    }

    int outstanding() {
        return outstanding.get();
    }

    long callbackErrors() {
        return callbackErrors.get();
    }

    /** Ends an accepted send, once; a second end is a bug in the pool and throws. */
    void finish(Exchange exchange, int status, long bodyBytes, SendResult result) {
        if (exchange.finished) {
            throw new IllegalStateException("send completed twice: " + result);
        }
        exchange.finished = true;
        outstanding.decrementAndGet();
        ended(exchange.template.listener(), result);
        call(
                exchange.completion,
                exchange.template,
                exchange.endpoint,
                exchange.intendedNanos,
                exchange.sentNanos,
                status,
                bodyBytes,
                result);
    }

    /** Ends a send that was never accepted (cap, stopped), on the calling thread. */
    void refuse(RequestTemplate template, int endpoint, long intendedNanos, Completion completion, SendResult result) {
        ended(template.listener(), result);
        call(completion, template, endpoint, intendedNanos, Completion.NOT_SENT, 0, 0, result);
    }

    /** Tells a request's listener (if any) that its send ended, before its completion; a throw is counted. */
    private void ended(ResponseListener listener, SendResult result) {
        if (listener == null) {
            return;
        }
        try {
            listener.onEnd(result);
        } catch (RuntimeException e) {
            callbackErrors.incrementAndGet();
        }
    }

    /** Tells a request's response listener what came back; a throw is counted, never propagated. */
    void notifyListener(ResponseListener listener, int status, io.netty.handler.codec.http.HttpHeaders headers) {
        try {
            listener.onResponse(status, headers);
        } catch (RuntimeException e) {
            callbackErrors.incrementAndGet();
        }
    }

    private void call(
            Completion completion,
            RequestTemplate template,
            int endpoint,
            long intendedNanos,
            long sentNanos,
            int status,
            long bodyBytes,
            SendResult result) {
        try {
            completion.done(template, endpoint, intendedNanos, sentNanos, clock.nanoTime(), status, bodyBytes, result);
        } catch (RuntimeException e) {
            callbackErrors.incrementAndGet();
        }
    }

    /**
     * A pool's {@code close()}: stops it without grace and, unless called on its own event loop (which
     * must not block), waits up to {@code waitNanos} for it to be closed. Best effort: the accounting has
     * already ended every accepted send either way.
     */
    static void closeAndWait(RequestSender pool, long waitNanos) {
        java.util.concurrent.CompletableFuture<Void> done = pool.stop(0L);
        if (pool.eventLoop().inEventLoop()) {
            return;
        }
        try {
            done.get(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // best effort, see above
        }
    }
}
