package dev.stampede.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.Completion;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestSenders;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunMetrics;
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
 * skipped) and publishes each request into a preallocated Disruptor ring; the ring's consumer hands it
 * to the Netty connection pool; every completion is recorded against its intended send time ({@link
 * RunMetrics}); a ticker takes an interval every {@code intervalNanos} (written to {@code latency.hlog},
 * given to the listener). At the end of the schedule, or on {@link #stop()}, it waits for every
 * request to end (at most the request timeout and a grace), so the outcome counts always add up to
 * the requests scheduled.
 */
public final class LoadRun {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int WARM_CONNECTIONS = 64;
    /** The first intended time is this far after the warm-up: the threads are running by then. */
    private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LoadPlan plan;
    private final NanoClock clock;
    private final Path resultDir;
    private final Consumer<LiveSnapshot> listener;
    private final RunEvents events;
    private volatile Pacer pacer;
    private volatile boolean stopped;

    public LoadRun(LoadPlan plan, NanoClock clock, Path resultDir, Consumer<LiveSnapshot> listener) {
        this.plan = plan;
        this.clock = clock;
        this.resultDir = resultDir;
        this.listener = listener;
        this.events = new RunEvents(clock);
    }

    /** Ends the schedule now (from any thread, e.g. Ctrl-C): nothing more is sent, what is in flight ends. */
    public void stop() {
        stopped = true;
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
        RunCompletion completion = new RunCompletion(metrics, journal);
        EventLoopGroup group = new NioEventLoopGroup(1, daemon("stampede-netty"));
        RequestSender pool = RequestSenders.open(plan.target(), plan.connections(), group, plan.client(), clock);
        // Connections open before the first intended time (bounded by the connect timeout), not with it.
        int warm = warmUp(pool);
        Disruptor<RequestEvent> disruptor = new Disruptor<>(
                () -> {
                    RequestEvent event = new RequestEvent();
                    event.slot = source.newSlot();
                    return event;
                },
                plan.ringSize(),
                daemon("stampede-sender"),
                ProducerType.SINGLE,
                new BlockingWaitStrategy());
        disruptor.handleEventsWith(new Sender<>(source, pool, completion));
        disruptor.setDefaultExceptionHandler(new SendFailures(completion, events, clock));
        RingBuffer<RequestEvent> ring = disruptor.start();
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
        try {
            // A held-back request goes out as its own event-loop task: never inside another send's end.
            source.attach((request, endpoint, intended) ->
                    group.execute(() -> pool.send(request, endpoint, intended, completion)));
            source.start(clock.nanoTime() + START_LEAD_NANOS);
            SlotTimes<S> times = new SlotTimes<>(source);
            Pacer current = new Pacer(clock, times, Waiter.parking());
            pacer = current;
            if (stopped) {
                current.stop();
            }
            // Claim a slot, let the source fill it and the pacer hold it until its time, then publish.
            while (true) {
                long sequence = ring.next();
                RequestEvent event = ring.get(sequence);
                times.slot = slotOf(event);
                long intended = current.awaitNext();
                event.end = intended == IntendedTimes.END;
                event.intendedNanos = intended;
                event.slot.intendedNanos = intended;
                ring.publish(sequence);
                if (event.end) {
                    break;
                }
                published++;
            }
            events.add(stopped ? "stopped: no more requests sent" : "schedule ended");
            long deadline = clock.nanoTime() + plan.client().requestTimeoutNanos() + GRACE_NANOS;
            while (completion.completed() < published && clock.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L); // the last responses: checked every millisecond
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            disruptor.shutdown(); // every published request has been handed to the pool
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
                sourceReport);
    }

    /** A ring slot's source part, typed: every slot was made by the run's source ({@code newSlot}). */
    @SuppressWarnings("unchecked")
    private static <S extends SourceSlot> S slotOf(RequestEvent event) {
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

    /** The ring's consumer: builds each released slot's request and hands it to the pool. */
    private static final class Sender<S extends SourceSlot> implements EventHandler<RequestEvent> {
        private final RequestSource<S> source;
        private final RequestSender pool;
        private final Completion completion;
        private long requestNumber;

        Sender(RequestSource<S> source, RequestSender pool, Completion completion) {
            this.source = source;
            this.pool = pool;
            this.completion = completion;
        }

        @Override
        public void onEvent(RequestEvent event, long sequence, boolean endOfBatch) {
            if (event.end) {
                return;
            }
            S slot = slotOf(event);
            RequestTemplate request = source.build(slot, requestNumber++);
            if (request != null) { // else held back: the source sends it later (LateSender)
                pool.send(request, slot.endpoint, event.intendedNanos, completion);
            }
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
