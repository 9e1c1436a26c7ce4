package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.NetTransport;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestSenders;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.GcPauses;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.ProcessCpu;
import dev.stampede.engine.measure.RingOccupancy;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.Pacer;
import dev.stampede.engine.schedule.Waiter;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One load run. The connection pool's event loop sends every request at its intended time ({@link
 * LoopReleaser}: the loop is the pacer, so a request costs no hand-over between threads) and records
 * each end against that time ({@link RunCompletion}, {@link RunMetrics}); a ticker takes an interval
 * every {@code intervalNanos} (written to {@code latency.hlog}, given to the listener).
 *
 * <p>A fixed-rate run (a rate, a replay, a model) is fed through a preallocated Disruptor ring ({@link
 * RingFeed}): this thread, the publisher, asks the source for each request and its intended time ahead
 * of time, at most {@link #LOOKAHEAD_NANOS} ahead (a {@link Pacer} on a clock running that far ahead),
 * so reading the store, filtering and sampling stay off the event loop, and a rate change or a stop
 * takes effect within that horizon. A flat-out run has no ring: the loop asks the source the moment a
 * connection is free ({@link DirectFeed}), at most {@link LoadPlan#inFlightLimit()} outstanding (wrk's
 * closed loop).
 *
 * <p>At the end of the schedule, or on {@link #stop()}, it waits for every released request to end (at
 * most the request timeout and a grace), so the outcome counts always add up to the requests released.
 * The run also watches the generator itself ({@link GeneratorUse}): the ring's look-ahead, requests that
 * reached the ring already late (the source fell behind), GC pauses and the process's CPU time while it
 * sends.
 */
public final class LoadRun {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int WARM_CONNECTIONS = 64;
    /** The first intended time is this far after the warm-up: the threads are running by then. */
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /**
     * How far ahead of its intended time a request is put in the ring: 10 ms. The publisher wakes about
     * every half of it and fills what falls due in the next half; a rate change reaches the wire within it.
     */
    static final long LOOKAHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadPlan plan;
    private final NanoClock clock;
    private final Path resultDir;
    private final Consumer<LiveSnapshot> listener;
    private final RunEvents events;
    private volatile Pacer pacer;
    private volatile LoopReleaser<?> releaser;
    private volatile RunCompletion completed;
    private volatile boolean stopped;

    public LoadRun(LoadPlan plan, NanoClock clock, Path resultDir, Consumer<LiveSnapshot> listener) {
        this(plan, clock, resultDir, listener, new RunEvents(clock));
    }

    /**
     * A run whose events go to {@code events} (shared with whoever else records them: the traffic
     * controller's changes), in {@code run.json}.
     */
    public LoadRun(LoadPlan plan, NanoClock clock, Path resultDir, Consumer<LiveSnapshot> listener, RunEvents events) {
        this.plan = plan;
        this.clock = clock;
        this.resultDir = resultDir;
        this.listener = listener;
        this.events = events;
    }

    /**
     * Ends the schedule now, recording why (the control API, a guard, the capacity search, a signal):
     * nothing more is sent, what is in flight ends. Any thread; only the first stop is recorded.
     */
    public void stop(String reason) {
        if (!stopped) {
            events.add(reason);
        }
        stop();
    }

    /** Ends the schedule now (from any thread, e.g. Ctrl-C): nothing more is sent, what is in flight ends. */
    public void stop() {
        stopped = true;
        if (plan.live() != null) {
            plan.live().gate().stop();
        }
        Pacer currentPacer = pacer;
        if (currentPacer != null) {
            currentPacer.stop();
        }
        LoopReleaser<?> currentReleaser = releaser;
        if (currentReleaser != null) {
            currentReleaser.stop();
        }
    }

    /** Requests released and not yet ended, now (0 before the run starts). Any thread. */
    public long inFlight() {
        LoopReleaser<?> current = releaser;
        RunCompletion completion = completed;
        return current == null || completion == null ? 0 : Math.max(0, current.released() - completion.completed());
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
        RunCompletion completion = new RunCompletion(metrics, journal);
        completed = completion;
        NetTransport transport = NetTransport.preferred();
        EventLoopGroup group = transport.newGroup(1, daemon("stampede-netty"));
        RequestSender pool = RequestSenders.open(plan.target(), plan.connections(), group, plan.client(), clock);
        // Connections open before the first intended time (bounded by the connect timeout), not with it.
        int warm = warmUp(pool);
        boolean flatOut = plan.inFlightLimit() > 0;
        RingFeed<S> ring = flatOut ? null : new RingFeed<>(source, plan.ringSize());
        SlotFeed<S> feed = flatOut ? new DirectFeed<>(source, plan.ringSize()) : ring;
        LoopReleaser<S> current = new LoopReleaser<>(
                feed,
                source,
                pool,
                completion,
                new SendFailures(completion, events, clock),
                clock,
                new EventLoopTimer(pool.eventLoop(), clock),
                plan.inFlightLimit(),
                plan.releaseWindowNanos());
        completion.onEachEnd(current::requestEnded);
        if (ring != null) {
            ring.onPublishWake(current::wake);
        }
        releaser = current;
        IntervalRecorder intervals =
                IntervalRecorder.create(metrics, clock, resultDir, "stampede run " + plan.target());
        IntervalLog intervalLog = IntervalLog.create(resultDir);
        LoopReleaser<S> releasing = current;
        Runnable logLatest = () -> intervalLog.append(
                intervals.latest(),
                plan.live() == null ? Double.NaN : plan.live().rate().current(),
                Math.max(0, releasing.released() - completion.completed()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("stampede-interval"));
        IntervalThreadPriority tickerPriority =
                new IntervalThreadPriority(ThreadNice.SYSTEM, plan.intervalNanos(), events::add);
        if (!flatOut) {
            ticker.execute(tickerPriority::started);
        }
        long[] tickDue = {clock.nanoTime() + plan.intervalNanos()};
        ticker.scheduleAtFixedRate(
                () -> {
                    tickerPriority.ticked(tickDue[0], clock.nanoTime());
                    tickDue[0] += plan.intervalNanos();
                    LiveSnapshot snapshot = intervals.tick();
                    logLatest.run();
                    listener.accept(snapshot);
                },
                plan.intervalNanos(),
                plan.intervalNanos(),
                TimeUnit.NANOSECONDS);
        long startMillis = clock.epochMillis();
        events.add("started: " + plan.target() + ", " + plan.connections() + " connections, "
                + (flatOut ? "flat out" : "ring " + plan.ringSize()) + ", " + transport.label() + " transport");
        java.util.List<String> sourceReport = new java.util.ArrayList<>();
        // Generator health: the ring's look-ahead and late arrivals, GC pauses and CPU time while it sends.
        RingOccupancy occupancy = new RingOccupancy(plan.ringSize());
        // One full collection now, before the first intended time: the ring, its slots and the histograms
        // (tens of MB, alive for the whole run) move to the old generation at once, instead of being copied
        // by the first young collections of the run, each a pause of tens of milliseconds in its send lag.
        System.gc();
        GcPauses gc = GcPauses.watch();
        long cpuAtStart = ProcessCpu.nanos();
        long startNanos = clock.nanoTime() + START_LEAD_NANOS;
        long sendingNanos = 0;
        long published = 0;
        GeneratorUse use;
        try {
            // A held-back request goes out as its own event-loop task: never inside another send's end.
            source.attach((request, endpoint, intended) ->
                    group.execute(() -> pool.send(request, endpoint, intended, completion)));
            source.start(startNanos);
            current.start();
            if (stopped) {
                current.stop();
            }
            if (ring != null) {
                publish(ring, source, occupancy);
            }
            while (!current.awaitFinished(TimeUnit.MILLISECONDS.toNanos(100))) {
                if (group.isShuttingDown()) {
                    break;
                }
            }
            published = current.released();
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
            current.stop(); // after a failure of this thread: nothing more is released
            current.awaitFinished(GRACE_NANOS);
            published = current.released();
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
            sourceReport.addAll(source.report()); // after the releaser and the pool stopped: counts are final
            sourceReport.forEach(events::add);
            ticker.shutdownNow();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(GRACE_NANOS, TimeUnit.NANOSECONDS);
            ticker.awaitTermination(GRACE_NANOS, TimeUnit.NANOSECONDS);
            long loggedBefore = intervals.latest().sequence();
            intervals.close();
            if (intervals.latest().sequence() > loggedBefore) {
                logLatest.run(); // the last, partial interval
            }
            intervalLog.close();
            if (intervalLog.failure() != null) {
                events.add(IntervalLog.FILE_NAME + " could not be written: " + intervalLog.failure());
            }
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

    /**
     * The publisher: fills the ring ahead of time, each slot as soon as its intended time is within the
     * look-ahead horizon, until the schedule ends (then publishes the end marker) or the run is stopped.
     * This thread; hot path: no allocation.
     */
    private <S extends SourceSlot> void publish(RingFeed<S> ring, RequestSource<S> source, RingOccupancy occupancy) {
        SlotTimes<S> times = new SlotTimes<>(source);
        // A pacer on a clock that runs LOOKAHEAD_NANOS ahead releases each slot that far before its time; it
        // parks at least half the horizon, so each wake-up fills half a horizon's worth of requests.
        Pacer current =
                new Pacer(new AheadClock(clock, LOOKAHEAD_NANOS), times, Waiter.parkingInWindows(LOOKAHEAD_NANOS / 2));
        pacer = current;
        if (stopped) {
            current.stop();
        }
        long lateNanos = LOOKAHEAD_NANOS + plan.sendLagThresholdNanos();
        while (true) {
            long sequence = ring.claim(() -> stopped, occupancy);
            if (sequence < 0) {
                return; // stopped: the releaser needs no end marker
            }
            RequestEvent event = ring.event(sequence);
            times.slot = slotOf(event);
            long intended = current.awaitNext();
            event.end = intended == IntendedTimes.END;
            event.slot.intendedNanos = intended;
            ring.publish(sequence);
            if (event.end) {
                return;
            }
            occupancy.record(ring.waiting());
            if (current.lagNanos() > lateNanos) {
                occupancy.lateArrival(); // due more than the send-lag threshold ago: the source fell behind
            }
        }
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

    /** The run's clock read {@code aheadNanos} later: what is due by it is due within the horizon. */
    private static final class AheadClock implements NanoClock {
        private final NanoClock clock;
        private final long aheadNanos;

        AheadClock(NanoClock clock, long aheadNanos) {
            this.clock = clock;
            this.aheadNanos = aheadNanos;
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime() + aheadNanos;
        }

        @Override
        public long epochMillis() {
            return clock.epochMillis();
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
