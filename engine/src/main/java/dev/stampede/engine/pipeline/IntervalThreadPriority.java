package dev.stampede.engine.pipeline;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Keeps the interval thread (which takes the measurements every interval, a few milliseconds of
 * histogram work) out of the event loop's way while that costs nothing, during a paced run.
 *
 * <p>Why: pinned to one core, the event loop and the interval thread share it. At every tick the
 * scheduler let the interval thread finish its slice before the loop's timer wake-up ran, and the
 * requests due meanwhile went out late: at 20k req/s on one core, 540-1,130 of 200,000 requests were late
 * by over 1 ms in the 50 ms around each tick, half or more of all the late ones (by the journal), against
 * 24-77 with the interval thread at nice 19.
 *
 * <p>So on the interval thread's start its nice goes up by {@link #STEPS} (to at most 19): its share of a
 * saturated core then is about 1/70 of the loop's, and the loop's wake-ups preempt it. A saturated core
 * would starve it, and the guards and the live console read the intervals: when a tick runs later than
 * half an interval, the thread gets its nice back for the rest of the run, and the run's events say so.
 * Flat out, the loop keeps its core busy all the time: the priority is left alone.
 *
 * <p>Threading: every method on the interval thread.
 */
final class IntervalThreadPriority {

    /** How far the interval thread's nice goes up: a weight about 70 times smaller. */
    static final int STEPS = 19;

    /** Reads and sets the calling thread's nice value; {@link ThreadNice#SYSTEM} in a run. */
    interface Nice {
        boolean available();

        int get();

        boolean set(int nice);
    }

    private final Nice nice;
    private final long intervalNanos;
    private final Consumer<String> events;
    private int original;
    private boolean lowered;

    IntervalThreadPriority(Nice nice, long intervalNanos, Consumer<String> events) {
        this.nice = nice;
        this.intervalNanos = intervalNanos;
        this.events = events;
    }

    /** On the interval thread, before its first tick: lowers its priority when the platform allows. */
    void started() {
        if (!nice.available()) {
            return;
        }
        try {
            original = nice.get();
            lowered = original < ThreadNice.KINDEST && nice.set(Math.min(ThreadNice.KINDEST, original + STEPS));
        } catch (IllegalStateException e) {
            lowered = false;
        }
    }

    /**
     * A tick due at {@code dueNanos} runs at {@code nowNanos}: when it is later than half an interval,
     * the thread's priority is given back.
     */
    void ticked(long dueNanos, long nowNanos) {
        long late = nowNanos - dueNanos;
        if (!lowered || late <= intervalNanos / 2) {
            return;
        }
        lowered = false;
        nice.set(original);
        events.accept(String.format(
                Locale.ROOT,
                "interval thread back to normal priority: a tick ran %.0f ms late (the generator's core is"
                        + " saturated; the intervals must keep coming for the guards and the console)",
                late / 1e6));
    }

    /** Whether the thread runs at the lowered priority now. */
    boolean lowered() {
        return lowered;
    }
}
