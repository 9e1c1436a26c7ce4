package dev.stampede.engine.pipeline;

import com.lmax.disruptor.EventPoller;
import dev.stampede.engine.http.Completion;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ring's consumer, run on the connection pool's event loop: it polls the ring ({@link
 * EventPoller}), builds each released slot's request and hands it to the pool, which writes it at once
 * (no further hand-over: it is on the pool's own thread).
 *
 * <p>Why on the event loop rather than on a thread of its own: every hand-over between threads costs a
 * wake-up, a context switch on a busy core, and on one core (a pinned generator) the three threads of a
 * publisher, a sender and an event loop spent a quarter of their CPU in futex waits and wakes. Now the
 * publisher wakes the event loop once per batch ({@link #wake()}: one volatile read per publish, a task
 * only when no drain is already on its way), and the loop sends the whole batch.
 *
 * <p>A drain sends at most {@link #MAX_BATCH} requests, then queues itself again, so a backlog (after a
 * stall) does not keep the loop from reading responses. A hand-over that throws (a bug, not a network
 * failure) still ends its request through {@link SendFailures}.
 */
final class LoopSender<S extends SourceSlot> implements Runnable, EventPoller.Handler<RequestEvent> {

    /** The most requests one drain sends before it lets the event loop do its I/O. */
    static final int MAX_BATCH = 256;

    private final EventPoller<RequestEvent> poller;
    private final EventLoop loop;
    private final RequestSource<S> source;
    private final RequestSender pool;
    private final Completion completion;
    private final SendFailures failures;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    // Event-loop-confined:
    private long requestNumber;
    private int sentInDrain;

    LoopSender(
            EventPoller<RequestEvent> poller,
            EventLoop loop,
            RequestSource<S> source,
            RequestSender pool,
            Completion completion,
            SendFailures failures) {
        this.poller = poller;
        this.loop = loop;
        this.source = source;
        this.pool = pool;
        this.completion = completion;
        this.failures = failures;
    }

    /**
     * Makes sure a drain is on its way to the event loop. Publishing thread, after each publish; hot
     * path: one volatile read while a drain is pending, else one compare-and-set and one task.
     */
    void wake() {
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the loop is shutting down: what is left is counted at the end
            }
        }
    }

    /** Whether every published slot has been taken from the ring. Any thread. */
    boolean drained(long publishedSequence) {
        return poller.getSequence().get() >= publishedSequence;
    }

    /** A drain, on the event loop. */
    @Override
    public void run() {
        // Cleared before polling: a slot published from here on wakes another drain, so none is missed.
        scheduled.set(false);
        sentInDrain = 0;
        try {
            poller.poll(this);
        } catch (Exception e) {
            throw new IllegalStateException("the ring's poller failed", e); // onEvent itself never throws
        }
        if (sentInDrain >= MAX_BATCH) {
            wake(); // there may be more: go on after the loop's I/O
        }
    }

    /** One released slot: build its request and send it. Event loop; hot path. */
    @Override
    public boolean onEvent(RequestEvent event, long sequence, boolean endOfBatch) {
        if (!event.end) {
            try {
                S slot = LoadRun.slotOf(event);
                RequestTemplate request = source.build(slot, requestNumber++);
                if (request != null) { // else held back: the source sends it later (LateSender)
                    pool.send(request, slot.endpoint, event.intendedNanos, completion);
                }
            } catch (RuntimeException e) {
                failures.handleEventException(e, sequence, event);
            }
        }
        return ++sentInDrain < MAX_BATCH;
    }
}
