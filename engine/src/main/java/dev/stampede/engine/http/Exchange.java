package dev.stampede.engine.http;

/**
 * One accepted send on its way through a pool: handed to the event loop as a task, then queued or in
 * flight on one connection, then finished exactly once. Event-loop-confined after the hand-over.
 */
final class Exchange implements Runnable {

    final ConnectionPool pool;
    final RequestTemplate template;
    final int endpoint;
    final long intendedNanos;
    final Completion completion;
    long sentNanos = Completion.NOT_SENT;
    boolean finished;

    Exchange(ConnectionPool pool, RequestTemplate template, int endpoint, long intendedNanos, Completion completion) {
        this.pool = pool;
        this.template = template;
        this.endpoint = endpoint;
        this.intendedNanos = intendedNanos;
        this.completion = completion;
    }

    /** Runs on the pool's event loop after the hand-over from the publishing thread. */
    @Override
    public void run() {
        pool.dispatch(this);
    }
}
