package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends each request of a run at its intended time, on the connection pool's own event loop: it takes
 * the next slot from its {@link SlotFeed}, and when the slot is due builds its request and hands it to
 * the pool (which writes it at once: same thread); when it is not yet due, it has itself run again then
 * ({@link ReleaseTimer}). The event loop is the pacer: no thread hands requests to it at their time, so
 * a request costs no wake-up of its own and no context switch.
 *
 * <p><b>Never skips, never shifts.</b> Every slot is released, in order, with the intended time it came
 * with; when the loop was busy or stalled past a slot's time, that slot and every other one already due
 * go out at once (in batches of {@link #MAX_BATCH}, between which the loop does its I/O), and their
 * latency counts from their intended times: no coordinated omission.
 *
 * <p><b>Windows.</b> A slot not yet due is waited for at least {@code windowNanos}: the slots due
 * within that window go out together, each late by up to the window (measured as send lag), for a
 * fraction of the timer wake-ups at high rates.
 *
 * <p><b>Flat out</b> ({@code inFlightLimit} above 0): at most that many requests are outstanding; every
 * end has the releaser run once the loop is free (one task per loop turn, however many ends), and it
 * sends as many as are free. With a {@link DirectFeed}, each slot's time is the clock when it is
 * released: latency is the service time.
 *
 * <p><b>End.</b> The releaser finishes when its feed ends or on {@link #stop()}; slots still in the feed
 * are then never released and not part of the run. {@link #released()} is final after {@link
 * #awaitFinished}.
 *
 * <p>Threading: {@link #run()} on the event loop (through the timer); {@link #start()}, {@link #stop()},
 * {@link #requestEnded()} and the waiting methods from any thread.
 */
final class LoopReleaser<S extends SourceSlot> implements Runnable {

    /** The most requests one run sends before it lets the event loop do its I/O. */
    static final int MAX_BATCH = 256;

    private final SlotFeed<S> feed;
    private final RequestSource<S> source;
    private final RequestSender pool;
    private final RunCompletion completion;
    private final SendFailures failures;
    private final NanoClock clock;
    private final ReleaseTimer timer;
    private final int inFlightLimit;
    private final long windowNanos;
    private final Runnable onTimer = this::timerFired;
    private final AtomicBoolean soonPending = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile long releasedTotal;
    // Event-loop-confined:
    private long released;
    private boolean done;
    private boolean timerArmed;
    private long armedDeadline;

    /**
     * @param inFlightLimit the most requests outstanding, flat out; 0 for no limit (a fixed rate)
     * @param windowNanos the least time a wait for a slot not yet due lasts (0: wait to its time exactly)
     */
    LoopReleaser(
            SlotFeed<S> feed,
            RequestSource<S> source,
            RequestSender pool,
            RunCompletion completion,
            SendFailures failures,
            NanoClock clock,
            ReleaseTimer timer,
            int inFlightLimit,
            long windowNanos) {
        this.feed = feed;
        this.source = source;
        this.pool = pool;
        this.completion = completion;
        this.failures = failures;
        this.clock = clock;
        this.timer = timer;
        this.inFlightLimit = inFlightLimit;
        this.windowNanos = windowNanos;
    }

    /** Starts releasing: the first run on the loop. Any thread, once. */
    void start() {
        wake();
    }

    /** Releases nothing more: the releaser finishes on its next run, which this brings on. Any thread. */
    void stop() {
        stopRequested = true;
        wake();
    }

    /**
     * A request ended: flat out, one more may go, so the releaser runs once the loop is free (one task
     * for every end in the same loop turn). Fixed rate: nothing. Any thread; hot path.
     */
    void requestEnded() {
        if (inFlightLimit > 0) {
            wake();
        }
    }

    /** Has the releaser run on the loop soon, unless a run is already on its way. Any thread. */
    void wake() {
        if (!soonPending.get() && soonPending.compareAndSet(false, true)) {
            timer.runSoon(this);
        }
    }

    /** Waits up to {@code timeoutNanos} for the releaser to finish; whether it has. */
    boolean awaitFinished(long timeoutNanos) throws InterruptedException {
        return finished.await(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Whether the releaser has finished (its feed ended, or it was stopped). */
    boolean finished() {
        return finished.getCount() == 0;
    }

    /** The requests released: final once {@link #finished()}. Any thread. */
    long released() {
        return releasedTotal;
    }

    private void timerFired() {
        timerArmed = false;
        run();
    }

    /** One turn on the event loop: release what is due, then arrange the next turn. Hot path. */
    @Override
    public void run() {
        soonPending.set(false); // from here on, a wake brings another run: none is missed
        if (done) {
            return;
        }
        int batch = 0;
        long now = clock.nanoTime();
        while (true) {
            if (stopRequested) {
                finish();
                return;
            }
            if (inFlightLimit > 0 && released - completion.completed() >= inFlightLimit) {
                return; // an end brings the next run
            }
            S slot;
            try {
                slot = feed.peek();
            } catch (RuntimeException e) {
                failures.sourceFailed(e);
                finish();
                return;
            }
            if (slot == null) {
                if (feed.ended()) {
                    finish();
                }
                return; // else the feed wakes the releaser when a slot is published
            }
            long intended = slot.intendedNanos;
            if (intended - now > 0) { // wrap-safe comparison of clock readings
                now = clock.nanoTime();
                if (intended - now > 0) {
                    arm(Math.max(intended, now + windowNanos));
                    return;
                }
            }
            release(slot, intended);
            feed.consumed();
            if (++batch >= MAX_BATCH) {
                wake(); // go on after the loop's I/O
                return;
            }
        }
    }

    private void release(S slot, long intended) {
        released++;
        try {
            RequestTemplate request = source.build(slot, released - 1);
            if (request != null) { // else held back: the source sends it later (LateSender)
                pool.send(request, slot.endpoint, intended, completion);
            }
        } catch (RuntimeException e) {
            failures.handOverFailed(e, slot.endpoint, intended);
        }
    }

    /** Has the releaser run at {@code deadline}, unless a timer already fires by then. */
    private void arm(long deadline) {
        if (timerArmed && armedDeadline - deadline <= 0) {
            return;
        }
        timerArmed = true;
        armedDeadline = deadline;
        timer.runAt(onTimer, deadline);
    }

    private void finish() {
        done = true;
        releasedTotal = released;
        finished.countDown();
    }
}
