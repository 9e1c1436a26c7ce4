package dev.stampede.engine.schedule;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * At most {@code limit} requests outstanding: the publisher {@link #acquire()}s a permit before it
 * releases a request, and the request's end (whatever its outcome) {@link #release()}s it. It turns a
 * {@link ClosedLoop} schedule into wrk's closed loop; an {@link #unlimited()} gate (a fixed-rate run)
 * lets every request through, as the schedule alone decides when requests go.
 *
 * <p>No lock and no allocation per request: the publisher counts the permits it took in a plain field,
 * completions count the ones they gave back in one atomic counter. The publisher parks only when every
 * permit is out, and is woken once {@link #wakeBatch()} permits are free again (one compare-and-set
 * decides which release wakes it). Waking it for every single release would cost a context switch per
 * request on a shared core: the woken publisher preempts the event loop, releases one request and
 * parks again. Waiting for a batch (an eighth of the limit) keeps the connections at least seven eighths
 * busy while the publisher sleeps, and lets it release the batch in one go.
 *
 * <p>Threading: {@link #acquire()} on the one publishing thread; {@link #release()} from any thread
 * (the event loop, or the sender for a request refused at once); {@link #stop()} from any thread.
 */
public final class InFlightGate {

    /** The longest single park of {@link #acquire()}: a lost wake-up or a stop costs at most this. */
    public static final long MAX_PARK_NANOS = 10_000_000L;

    private static final VarHandle WAITER;

    static {
        try {
            WAITER = MethodHandles.lookup().findVarHandle(InFlightGate.class, "waiter", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int limit;
    private final int wakeBatch;
    private final AtomicLong released = new AtomicLong();
    private long acquired; // publishing thread only
    private volatile Thread waiter;
    private volatile boolean stopped;

    private InFlightGate(int limit) {
        this.limit = limit;
        this.wakeBatch = Math.max(1, limit / 8);
    }

    /** A gate that lets {@code limit} (at least 1) requests be outstanding. */
    public static InFlightGate of(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the in-flight limit must be at least 1, got " + limit);
        }
        return new InFlightGate(limit);
    }

    /** A gate that never waits: the schedule alone decides. */
    public static InFlightGate unlimited() {
        return new InFlightGate(0);
    }

    /** How many permits must be free before a parked publisher is woken: an eighth of the limit, at least 1. */
    public int wakeBatch() {
        return wakeBatch;
    }

    /** The most requests outstanding, or 0 for no limit. */
    public int limit() {
        return limit;
    }

    /**
     * Takes a permit, waiting for a release while all are out. Returns false, without a permit, once
     * {@link #stop()} was called. Hot path (publishing thread): no allocation, no lock.
     */
    public boolean acquire() {
        if (stopped) {
            return false;
        }
        if (limit == 0) {
            return true;
        }
        while (acquired - released.get() >= limit) {
            waiter = Thread.currentThread();
            // Re-check after announcing the wait: a release that came in between saw no waiter.
            if (acquired - released.get() < limit) {
                waiter = null;
                break;
            }
            LockSupport.parkNanos(this, MAX_PARK_NANOS);
            waiter = null;
            if (stopped) {
                return false;
            }
        }
        acquired++;
        return true;
    }

    /**
     * Gives a permit back: one request ended. Any thread; hot path: one atomic add, an unpark once per
     * {@link #wakeBatch()} releases at most.
     */
    public void release() {
        if (limit == 0) {
            return;
        }
        long nowReleased = released.incrementAndGet();
        Thread parked = waiter;
        // The publisher wrote `acquired` before it announced itself in `waiter` (a volatile write this read
        // of `waiter` saw), and does not change it while parked.
        if (parked != null
                && limit - (acquired - nowReleased) >= wakeBatch
                && WAITER.compareAndSet(this, parked, null)) {
            LockSupport.unpark(parked);
        }
    }

    /** Permits out now (requests released and not yet ended). Publishing thread. */
    public long outstanding() {
        return acquired - released.get();
    }

    /** Makes the current and every later {@link #acquire()} return false. Any thread. */
    public void stop() {
        stopped = true;
        Thread parked = waiter;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }
}
