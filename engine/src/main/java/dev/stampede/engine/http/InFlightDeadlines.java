package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP/2 pool's requests in flight, oldest first, as an intrusive doubly linked list through
 * {@link Exchange}, and the one timer that ends them at their deadlines: with one clock and one
 * timeout, send order is deadline order, so the request that times out next is always the head. The
 * timer is scheduled when the list becomes non-empty and, when it fires, for the head's deadline: about
 * one timer per timeout period, not one per request. Adding and removing are O(1) and allocate nothing.
 * Event-loop-confined.
 */
final class InFlightDeadlines {

    private final EventLoop loop;
    private final NanoClock clock;
    private final long timeoutNanos;
    private final Consumer<Exchange> onTimeout;
    private final Runnable timerTask = this::onTimer;
    private boolean timerPending;
    private Exchange oldest;
    private Exchange newest;

    /**
     * @param onTimeout ends a request past its deadline; must {@link #remove} it
     */
    InFlightDeadlines(EventLoop loop, NanoClock clock, long timeoutNanos, Consumer<Exchange> onTimeout) {
        this.loop = loop;
        this.clock = clock;
        this.timeoutNanos = timeoutNanos;
        this.onTimeout = onTimeout;
    }

    /** Appends a request written at {@code nowNanos} (its deadline is the latest). Hot path. */
    void add(Exchange exchange, long nowNanos) {
        exchange.deadlineNanos = nowNanos + timeoutNanos;
        if (!timerPending) {
            timerPending = true;
            loop.schedule(timerTask, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        exchange.olderInFlight = newest;
        exchange.newerInFlight = null;
        if (newest == null) {
            oldest = exchange;
        } else {
            newest.newerInFlight = exchange;
        }
        newest = exchange;
    }

    /** Unlinks a request that ended; one never added is left alone. Hot path. */
    void remove(Exchange exchange) {
        Exchange older = exchange.olderInFlight;
        Exchange newer = exchange.newerInFlight;
        if (older == null && oldest != exchange) {
            return;
        }
        if (older == null) {
            oldest = newer;
        } else {
            older.newerInFlight = newer;
        }
        if (newer == null) {
            newest = older;
        } else {
            newer.olderInFlight = older;
        }
        exchange.olderInFlight = null;
        exchange.newerInFlight = null;
    }

    /** The request whose deadline comes first, or {@code null} when none is in flight. */
    Exchange oldest() {
        return oldest;
    }

    private void onTimer() {
        timerPending = false;
        long now = clock.nanoTime();
        for (Exchange head = oldest; head != null; head = oldest) {
            long left = head.deadlineNanos - now;
            if (left > 0) {
                timerPending = true;
                loop.schedule(timerTask, left, TimeUnit.NANOSECONDS);
                return;
            }
            onTimeout.accept(head);
        }
    }
}
