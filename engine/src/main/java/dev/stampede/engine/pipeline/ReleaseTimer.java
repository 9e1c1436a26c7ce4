package dev.stampede.engine.pipeline;

/**
 * How the {@link LoopReleaser} has itself run again on its event loop: at a clock reading (a timer) or
 * as soon as the loop is free (a task). In a run it is the connection pool's Netty event loop ({@link
 * EventLoopTimer}: with the epoll transport, a timer fires within microseconds of its deadline); in
 * tests, a recording fake driven by a manual clock.
 */
interface ReleaseTimer {

    /** Runs {@code task} on the loop once the clock reads {@code deadlineNanos} or later. */
    void runAt(Runnable task, long deadlineNanos);

    /** Runs {@code task} on the loop after what it is doing now (its I/O, its other tasks). Any thread. */
    void runSoon(Runnable task);
}
