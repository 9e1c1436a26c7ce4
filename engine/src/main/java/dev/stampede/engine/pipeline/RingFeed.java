package dev.stampede.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.stampede.engine.measure.RingOccupancy;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A fixed-rate run's feed: a preallocated single-producer Disruptor ring that the publishing thread
 * fills ahead of time (each slot with its request's intended time, up to a look-ahead horizon) and the
 * event loop's {@link LoopReleaser} empties, each slot at its time.
 *
 * <p>The ring never makes either side spin or poll. The consumer is a plain {@link Sequence} the
 * releaser advances (Disruptor's gating sequence: the producer never overwrites an unreleased slot); the
 * releaser reads the cursor to see what is published. The two wake each other only when needed, each
 * announcing itself before it sleeps and re-checking after (so no wake-up is lost):
 *
 * <ul>
 *   <li>a releaser that finds the ring empty marks itself idle; the next publish wakes it (one task on
 *       the loop). With the look-ahead this happens only when the publisher fell behind or at the start;
 *   <li>a publisher that finds the ring full parks; the releaser wakes it once half the ring is free, so
 *       it refills in one go rather than one slot per wake-up.
 * </ul>
 *
 * <p>Threading: {@link #claim}, {@link #event}, {@link #publish} on the publishing thread; {@link
 * #peek}, {@link #consumed}, {@link #ended} on the event loop.
 */
final class RingFeed<S extends SourceSlot> implements SlotFeed<S> {

    /** The longest single park of a publisher waiting for space: a stop is seen within this. */
    static final long MAX_PARK_NANOS = 10_000_000L;

    private static final VarHandle PUBLISHER;
    private static final VarHandle CONSUMER_IDLE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PUBLISHER = lookup.findVarHandle(RingFeed.class, "waitingPublisher", Thread.class);
            CONSUMER_IDLE = lookup.findVarHandle(RingFeed.class, "consumerIdle", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RingBuffer<RequestEvent> ring;
    private final Sequence consumed = new Sequence(-1);
    private final int size;
    private Runnable wakeConsumer = () -> {};
    private volatile Thread waitingPublisher;
    private volatile boolean consumerIdle;
    // Event-loop-confined:
    private boolean ended;

    RingFeed(RequestSource<S> source, int size) {
        this.size = size;
        // Nothing ever waits through the ring's wait strategy (see the class comment): any will do.
        this.ring = RingBuffer.createSingleProducer(
                () -> {
                    RequestEvent event = new RequestEvent();
                    event.slot = source.newSlot();
                    return event;
                },
                size,
                new BlockingWaitStrategy());
        ring.addGatingSequences(consumed);
    }

    /** How a publish wakes an idle releaser (a task on its loop); set once, before the run starts. */
    void onPublishWake(Runnable wake) {
        this.wakeConsumer = wake;
    }

    // Publishing thread

    /**
     * The next slot's sequence, waiting (parked) while the ring is full; -1 once {@code stopped} says
     * so. Counts each wait in {@code occupancy}.
     */
    long claim(BooleanSupplier stopped, RingOccupancy occupancy) {
        if (!ring.hasAvailableCapacity(1)) {
            occupancy.fullWait();
            do {
                waitingPublisher = Thread.currentThread();
                if (ring.hasAvailableCapacity(1)) { // re-check after announcing: a wake may have been missed
                    waitingPublisher = null;
                    break;
                }
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
                waitingPublisher = null;
                if (stopped.getAsBoolean()) {
                    return -1;
                }
            } while (!ring.hasAvailableCapacity(1));
        }
        return ring.next(); // never waits: there is capacity
    }

    /** The event of a claimed sequence, to fill. */
    RequestEvent event(long sequence) {
        return ring.get(sequence);
    }

    /** Publishes a filled event, waking the releaser when it is idle. */
    void publish(long sequence) {
        ring.publish(sequence);
        if (consumerIdle && CONSUMER_IDLE.compareAndSet(this, true, false)) {
            wakeConsumer.run();
        }
    }

    /** Slots published and not yet released. Any thread (a snapshot). */
    long waiting() {
        return ring.getCursor() - consumed.get();
    }

    // Event loop

    @Override
    public S peek() {
        if (ended) {
            return null;
        }
        long next = consumed.get() + 1;
        if (next > ring.getCursor()) {
            consumerIdle = true;
            if (next > ring.getCursor()) { // re-check after announcing: the publish may have just missed it
                return null;
            }
            consumerIdle = false;
        }
        RequestEvent event = ring.get(next);
        if (event.end) {
            ended = true;
            return null;
        }
        return LoadRun.slotOf(event);
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public void consumed() {
        long released = consumed.get() + 1;
        consumed.set(released);
        Thread publisher = waitingPublisher;
        if (publisher != null
                && size - (ring.getCursor() - released) >= size / 2
                && PUBLISHER.compareAndSet(this, publisher, null)) {
            LockSupport.unpark(publisher);
        }
    }
}
