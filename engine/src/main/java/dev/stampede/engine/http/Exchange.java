package dev.stampede.engine.http;

import java.util.function.Consumer;

/**
 * One accepted send on its way through a pool: handed to the event loop as a task, then queued or in
 * flight on one connection, then finished exactly once. Event-loop-confined after the hand-over. The
 * HTTP/2 pool keeps the response state and its deadline order here (an HTTP/1.1 connection keeps them
 * itself: it has one request at a time).
 */
final class Exchange implements Runnable {

    final Consumer<Exchange> dispatch;
    final RequestTemplate template;
    final int endpoint;
    final long intendedNanos;
    final Completion completion;
    long sentNanos = Completion.NOT_SENT;
    boolean finished;
    // HTTP/2 only, event-loop-confined:
    Http2Connection connection;
    int streamId;
    int status;
    long bodyBytes;
    long deadlineNanos;
    Exchange olderInFlight;
    Exchange newerInFlight;

    Exchange(
            Consumer<Exchange> dispatch,
            RequestTemplate template,
            int endpoint,
            long intendedNanos,
            Completion completion) {
        this.dispatch = dispatch;
        this.template = template;
        this.endpoint = endpoint;
        this.intendedNanos = intendedNanos;
        this.completion = completion;
    }

    /** Runs on the pool's event loop after the hand-over from the publishing thread. */
    @Override
    public void run() {
        dispatch.accept(this);
    }
}
