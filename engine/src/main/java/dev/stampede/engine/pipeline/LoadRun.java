package dev.stampede.engine.pipeline;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestSenders;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.GcPauses;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.ProcessCpu;
import dev.stampede.engine.measure.RingOccupancy;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.schedule.InFlightGate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.Pacer;
import dev.stampede.engine.schedule.Waiter;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One load run: the publishing thread paces the schedule ({@link Pacer}: every intended time, never
 * skipped) and publishes each request into a preallocated Disruptor ring; the connection pool's event
 * loop polls the ring and sends each request ({@link LoopSender}); every completion is recorded against
 * its intended send time ({@link RunMetrics}); a ticker takes an interval every {@code intervalNanos} (written to {@code latency.hlog},
 * given to the listener). At the end of the schedule, or on {@link #stop()}, it waits for every
 * request to end (at most the request timeout and a grace), so the outcome counts always add up to
 * the requests scheduled.
 *
 * <p>A flat-out plan ({@link LoadPlan#inFlightLimit()} above 0) puts an {@link InFlightGate} before the
 * pacer: a permit per request released, given back by its end, so that many are outstanding (wrk's
 * closed loop). The run also watches the generator itself ({@link GeneratorUse}): ring occupancy after
 * each publish, GC pauses and the process's CPU time while it sends.
 */
public final class LoadRun {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int WARM_CONNECTIONS = 64;
    /** The first intended time is this far after the warm-up: the threads are running by then. */
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /**
     * The publisher parks at least this long: requests due within 200 µs go out together, a fifth of the
     * send-lag threshold, for a fraction of the wake-ups at high rates (see {@link Waiter#parkingInWindows}).
     */
    static final long RELEASE_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final LoadPlan plan;
    private final NanoClock clock;
    private final Path resultDir;
    private final Consumer<LiveSnapshot> listener;
    private final RunEvents events;
    private volatile Pacer pacer;
    private final InFlightGate gate;
    private volatile boolean stopped;

    public LoadRun(LoadPlan plan, NanoClock clock, Path resultDir, Consumer<LiveSnapshot> listener) {
        this.plan = plan;
        this.clock = clock;
        this.resultDir = resultDir;
        this.listener = listener;
        this.events = new RunEvents(clock);
        this.gate = plan.inFlightLimit() > 0 ? InFlightGate.of(plan.inFlightLimit()) : InFlightGate.unlimited();
    }

    /** Ends the schedule now (from any thread, e.g. Ctrl-C): nothing more is sent, what is in flight ends. */
    public void stop() {
        stopped = true;
        gate.stop();
        Pacer current = pacer;
        if (current != null) {
            current.stop();
        }
    }

    /** Runs to the end of the schedule (or a stop) and returns what happened; blocks the calling thread. */
    public RunOutcome run() throws IOException, InterruptedException {
        return run(plan.source());
    }

    private <S extends SourceSlot> RunOutcome run(RequestSource<S> source) throws IOException, InterruptedException {
        RunMetrics metrics = new RunMetrics(source.endpointNames());
        ResultJournal journal = plan.journal()
                ? ResultJournal.open(
                        resultDir, plan.runId(), source.endpointNames(), clock.nanoTime(), clock.epochMillis())
                : null;
        RunCompletion completion = new RunCompletion(metrics, journal, gate);
        EventLoopGroup group = new NioEventLoopGroup(1, daemon("stampede-netty"));
        RequestSender pool = RequestSenders.open(plan.target(), plan.connections(), group, plan.client(), clock);
        // Connections open before the first intended time (bounded by the connect timeout), not with it.
        int warm = warmUp(pool);
        // The ring's one consumer is the event loop, which polls it (LoopSender): nothing ever waits on the
        // ring, so the wait strategy only decides what a publish signals, and busy-spin's signal is none.
        RingBuffer<RequestEvent> ring = RingBuffer.createSingleProducer(
                () -> {
                    RequestEvent event = new RequestEvent();
                    event.slot = source.newSlot();
                    return event;
                },
                plan.ringSize(),
                new BusySpinWaitStrategy());
        EventPoller<RequestEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        LoopSender<S> sender = new LoopSender<>(
                poller, pool.eventLoop(), source, pool, completion, new SendFailures(completion, events, clock));
        IntervalRecorder intervals =
                IntervalRecorder.create(metrics, clock, resultDir, "stampede run " + plan.target());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("stampede-interval"));
        ticker.scheduleAtFixedRate(
                () -> listener.accept(intervals.tick()),
                plan.intervalNanos(),
                plan.intervalNanos(),
                TimeUnit.NANOSECONDS);
        long startMillis = clock.epochMillis();
        events.add("started: " + plan.target() + ", " + plan.connections() + " connections, ring " + plan.ringSize());
        long published = 0;
        java.util.List<String> sourceReport = new java.util.ArrayList<>();
        // Generator health: ring occupancy per publish, GC pauses and CPU time while the run sends.
        RingOccupancy occupancy = new RingOccupancy(plan.ringSize());
        // One full collection now, before the first intended time: the ring, its slots and the histograms
        // (tens of MB, alive for the whole run) move to the old generation at once, instead of being copied
        // by the first young collections of the run, each a pause of tens of milliseconds in its send lag.
        System.gc();
        GcPauses gc = GcPauses.watch();
        long cpuAtStart = ProcessCpu.nanos();
        long startNanos = clock.nanoTime() + START_LEAD_NANOS;
        long sendingNanos = 0;
        GeneratorUse use;
        try {
            // A held-back request goes out as its own event-loop task: never inside another send's end.
            source.attach((request, endpoint, intended) ->
                    group.execute(() -> pool.send(request, endpoint, intended, completion)));
            source.start(startNanos);
            SlotTimes<S> times = new SlotTimes<>(source);
            Pacer current = new Pacer(clock, times, Waiter.parkingInWindows(RELEASE_WINDOW_NANOS));
            pacer = current;
            if (stopped) {
                current.stop();
            }
            // Claim a slot, let the source fill it and the pacer hold it until its time, then publish.
            while (true) {
                if (!ring.hasAvailableCapacity(1)) {
                    occupancy.fullWait();
                }
                long sequence = ring.next();
                RequestEvent event = ring.get(sequence);
                times.slot = slotOf(event);
                long intended = gate.acquire() ? current.awaitNext() : IntendedTimes.END;
                event.end = intended == IntendedTimes.END;
                event.intendedNanos = intended;
                event.slot.intendedNanos = intended;
                ring.publish(sequence);
                sender.wake();
                if (event.end) {
                    break;
                }
                published++;
                occupancy.record(sequence - ring.getMinimumGatingSequence());
            }
            sendingNanos = Math.max(0, clock.nanoTime() - startNanos);
            events.add(stopped ? "stopped: no more requests sent" : "schedule ended");
            long deadline = clock.nanoTime() + plan.client().requestTimeoutNanos() + GRACE_NANOS;
            while (completion.completed() < published && clock.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L); // the last responses: checked every millisecond
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            // Every published slot taken from the ring (each then ends through the pool), within a grace.
            long drainDeadline = clock.nanoTime() + GRACE_NANOS;
            while (!sender.drained(ring.getCursor()) && clock.nanoTime() - drainDeadline < 0) {
                sender.wake();
                LockSupport.parkNanos(1_000_000L);
            }
            long cpuAtEnd = ProcessCpu.nanos();
            use = new GeneratorUse(
                    occupancy.summary(),
                    gc.summary(),
                    cpuAtStart < 0 || cpuAtEnd < 0 ? ProcessCpu.UNKNOWN : cpuAtEnd - cpuAtStart,
                    cpuAtEnd,
                    sendingNanos);
            gc.close();
            try {
                pool.stop(GRACE_NANOS).get(plan.client().requestTimeoutNanos() + 2 * GRACE_NANOS, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                events.add("the connection pool did not stop cleanly: " + e);
            }
            sourceReport.addAll(source.report()); // after the sender and the pool stopped: counts are final
            sourceReport.forEach(events::add);
            ticker.shutdownNow();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(GRACE_NANOS, TimeUnit.NANOSECONDS);
            intervals.close();
            source.close();
            if (journal != null) { // after the event loop ended: no completion races the close
                journal.close();
                journal.failure().ifPresent(failure -> events.add("the result journal failed: " + failure));
                events.add(String.format(
                        java.util.Locale.ROOT,
                        "result journal: %,d entries written, %,d dropped (the journal fell behind)",
                        journal.written(),
                        journal.dropped()));
            }
        }
        long endMillis = clock.epochMillis();
        return new RunOutcome(
                published,
                completion.completed(),
                intervals.latest(),
                events.list(),
                startMillis,
                endMillis,
                intervals.hlogFailure().orElse(null),
                plan.sendLagThresholdNanos(),
                plan.mode(),
                use,
                sourceReport);
    }

    /** A ring slot's source part, typed: every slot was made by the run's source ({@code newSlot}). */
    @SuppressWarnings("unchecked")
    static <S extends SourceSlot> S slotOf(RequestEvent event) {
        return (S) event.slot;
    }

    /** The schedule as the pacer sees it: the source's next time, noted in the slot being filled. */
    private static final class SlotTimes<S extends SourceSlot> implements IntendedTimes {
        private final RequestSource<S> source;
        S slot;

        SlotTimes(RequestSource<S> source) {
            this.source = source;
        }

        @Override
        public long next() {
            return source.next(slot);
        }
    }

    /** Opens up to {@link #WARM_CONNECTIONS} connections and waits for them; returns how many opened. */
    private int warmUp(RequestSender pool) throws InterruptedException {
        try {
            return pool.warmUp(Math.min(plan.connections(), WARM_CONNECTIONS))
                    .get(plan.client().connectTimeoutNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return pool.openConnections();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
