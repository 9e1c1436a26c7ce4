package dev.stampede.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.engine.http.Completion;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestSender;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.SendResult;
import dev.stampede.engine.measure.RingOccupancy;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.schedule.ClosedLoop;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The event loop's pacing, on a manual clock with a recording timer: every slot goes at its intended
 * time (never before, at most a window after), a backlog goes at once with its original times, flat out
 * keeps the in-flight limit, a stop releases nothing more. No threads, no sleeps: exact times.
 */
class LoopReleaserTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long WINDOW = 200 * US;
    private static final RequestTemplate REQUEST = RequestTemplate.get(HttpTarget.parse("http://127.0.0.1:1"), "/");

    private final ManualNanoClock clock = new ManualNanoClock(0L, 0L);
    private final FakeLoop loop = new FakeLoop(clock);
    private final RecordingPool pool = new RecordingPool(clock);
    private final RunCompletion completion = new RunCompletion(new RunMetrics(List.of("GET /")), null);
    private final SendFailures failures = new SendFailures(completion, new RunEvents(clock), clock);

    @Test
    void eachSlotGoesAtItsTimeNeverEarlyAndAtMostAWindowLate() {
        TimesSource source = new TimesSource(0, MS, MS + 50 * US, 5 * MS);
        LoopReleaser<SourceSlot> releaser = fixedRate(source, 8);

        releaser.start();
        loop.runUntil(10 * MS);

        // 1.05 ms is not due when the 1 ms slot goes: the releaser waits a whole window, to 1.2 ms.
        assertThat(pool.sends)
                .containsExactly(
                        new Send(0, 0),
                        new Send(MS, MS),
                        new Send(MS + 50 * US, MS + 200 * US),
                        new Send(5 * MS, 5 * MS));
        assertThat(releaser.finished()).isTrue();
        assertThat(releaser.released()).isEqualTo(4);
        assertThat(loop.timerRuns).as("one timer per wait, none spurious").isEqualTo(3);
    }

    @Test
    void aStalledLoopSendsEverythingDueAtOnceWithTheOriginalTimes() {
        long[] times = new long[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * MS;
        }
        LoopReleaser<SourceSlot> releaser = fixedRate(new TimesSource(times), 16);
        clock.advanceTo(5 * MS + 500 * US); // the loop was busy until 5.5 ms

        releaser.start();
        loop.runSoonTasks();

        assertThat(pool.sends).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(pool.sends.get(i)).isEqualTo(new Send(i * MS, 5 * MS + 500 * US));
        }
        loop.runUntil(20 * MS);
        assertThat(pool.sends).hasSize(10);
        assertThat(pool.sends.get(9)).isEqualTo(new Send(9 * MS, 9 * MS));
    }

    @Test
    void aBacklogGoesInBatchesBetweenWhichTheLoopDoesItsIo() {
        long[] times = new long[LoopReleaser.MAX_BATCH + 10];
        LoopReleaser<SourceSlot> releaser = fixedRate(new TimesSource(times), 512);

        releaser.start();
        loop.runOneSoonTask();
        assertThat(pool.sends).hasSize(LoopReleaser.MAX_BATCH);
        assertThat(loop.soon).as("the rest goes in a task of its own").hasSize(1);
        loop.runOneSoonTask();
        assertThat(pool.sends).hasSize(LoopReleaser.MAX_BATCH + 10);
    }

    @Test
    void anIdleReleaserIsWokenByThePublish() {
        TimesSource source = new TimesSource(0, 0);
        RingFeed<SourceSlot> ring = new RingFeed<>(source, 8);
        LoopReleaser<SourceSlot> releaser = releaser(ring, source, 0);
        ring.onPublishWake(releaser::wake);
        RingOccupancy occupancy = new RingOccupancy(8);

        releaser.start();
        loop.runSoonTasks(); // nothing published yet: idle
        assertThat(loop.soon).isEmpty();
        long first = ring.claim(() -> false, occupancy);
        ring.event(first).slot.intendedNanos = 0;
        ring.publish(first);
        assertThat(loop.soon).as("the publish woke it").hasSize(1);
        loop.runSoonTasks();
        assertThat(pool.sends).containsExactly(new Send(0, 0));
    }

    @Test
    void flatOutKeepsTheLimitOutstandingAndSendsTheNextWhenOneEnds() {
        FlatOutSource source = new FlatOutSource(new ClosedLoop(clock, 0, 10 * MS));
        LoopReleaser<SourceSlot> releaser = releaser(new DirectFeed<>(source, 4), source, 2);
        completion.onEachEnd(releaser::requestEnded);

        releaser.start();
        loop.runSoonTasks();
        assertThat(pool.sends).containsExactly(new Send(0, 0), new Send(0, 0));

        clock.advance(3 * MS);
        pool.endOldest();
        assertThat(loop.soon).as("an end brings a run").hasSize(1);
        loop.runSoonTasks();
        assertThat(pool.sends).hasSize(3);
        assertThat(pool.sends.get(2))
                .as("due when released: latency is the service time")
                .isEqualTo(new Send(3 * MS, 3 * MS));

        clock.advance(10 * MS); // the duration is over
        pool.endOldest();
        loop.runSoonTasks();
        assertThat(pool.sends).hasSize(3);
        assertThat(releaser.finished()).isTrue();
        assertThat(releaser.released()).isEqualTo(3);
    }

    @Test
    void aStopReleasesNothingMoreAndFinishes() {
        TimesSource source = new TimesSource(0, MS, 2 * MS);
        LoopReleaser<SourceSlot> releaser = fixedRate(source, 8);
        releaser.start();
        loop.runSoonTasks();
        assertThat(pool.sends).hasSize(1);

        releaser.stop();
        loop.runUntil(5 * MS);

        assertThat(pool.sends).hasSize(1);
        assertThat(releaser.finished()).isTrue();
        assertThat(releaser.released()).isEqualTo(1);
    }

    @Test
    void aBuildThatThrowsStillEndsItsRequestAsUnsent() {
        TimesSource source = new TimesSource(0, 0);
        source.failBuild = 1; // the second request's build throws
        LoopReleaser<SourceSlot> releaser = fixedRate(source, 8);

        releaser.start();
        loop.runUntil(MS);

        assertThat(pool.sends).hasSize(1);
        assertThat(releaser.released()).isEqualTo(2);
        assertThat(completion.completed()).as("the failed one ended at once").isEqualTo(1);
    }

    /** A releaser over a ring feed holding every time of {@code source}, published up front. */
    private LoopReleaser<SourceSlot> fixedRate(TimesSource source, int ringSize) {
        RingFeed<SourceSlot> ring = new RingFeed<>(source, ringSize);
        LoopReleaser<SourceSlot> releaser = releaser(ring, source, 0);
        ring.onPublishWake(releaser::wake);
        RingOccupancy occupancy = new RingOccupancy(ringSize);
        while (true) {
            long sequence = ring.claim(() -> false, occupancy);
            RequestEvent event = ring.event(sequence);
            long intended = source.next(event.slot);
            event.end = intended == IntendedTimes.END;
            event.slot.intendedNanos = intended;
            ring.publish(sequence);
            if (event.end) {
                return releaser;
            }
        }
    }

    private LoopReleaser<SourceSlot> releaser(SlotFeed<SourceSlot> feed, RequestSource<SourceSlot> source, int limit) {
        return new LoopReleaser<>(feed, source, pool, completion, failures, clock, loop, limit, WINDOW);
    }

    record Send(long intendedNanos, long sentNanos) {}

    /** A {@link ReleaseTimer} whose tasks run when the test says, at the manual clock's readings. */
    private static final class FakeLoop implements ReleaseTimer {
        private record Timer(long deadline, long order, Runnable task) {}

        private final ManualNanoClock clock;
        final ArrayDeque<Runnable> soon = new ArrayDeque<>();
        private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
                a.deadline != b.deadline ? Long.compare(a.deadline, b.deadline) : Long.compare(a.order, b.order));
        private long order;
        int timerRuns;

        FakeLoop(ManualNanoClock clock) {
            this.clock = clock;
        }

        @Override
        public void runAt(Runnable task, long deadlineNanos) {
            timers.add(new Timer(deadlineNanos, order++, task));
        }

        @Override
        public void runSoon(Runnable task) {
            soon.add(task);
        }

        void runOneSoonTask() {
            soon.poll().run();
        }

        void runSoonTasks() {
            while (!soon.isEmpty()) {
                soon.poll().run();
            }
        }

        /** Runs every task due up to {@code endNanos}, moving the clock to each timer's deadline. */
        void runUntil(long endNanos) {
            runSoonTasks();
            while (!timers.isEmpty() && timers.peek().deadline <= endNanos) {
                Timer timer = timers.poll();
                if (timer.deadline > clock.nanoTime()) {
                    clock.advanceTo(timer.deadline);
                }
                timerRuns++;
                timer.task.run();
                runSoonTasks();
            }
        }
    }

    /** A schedule of given times, one endpoint; its builds can be made to throw. */
    private static final class TimesSource implements RequestSource<SourceSlot> {
        private final long[] times;
        private int next;
        private int built;
        int failBuild = -1;

        TimesSource(long... times) {
            this.times = times;
        }

        @Override
        public List<String> endpointNames() {
            return List.of("GET /");
        }

        @Override
        public SourceSlot newSlot() {
            return new SourceSlot();
        }

        @Override
        public void start(long startNanos) {}

        @Override
        public long next(SourceSlot slot) {
            return next < times.length ? times[next++] : IntendedTimes.END;
        }

        @Override
        public RequestTemplate build(SourceSlot slot, long requestNumber) {
            if (built++ == failBuild) {
                throw new IllegalStateException("a build that fails");
            }
            return REQUEST;
        }
    }

    /** A flat-out source: its times are a closed loop's. */
    private static final class FlatOutSource implements RequestSource<SourceSlot> {
        private final ClosedLoop times;

        FlatOutSource(ClosedLoop times) {
            this.times = times;
        }

        @Override
        public List<String> endpointNames() {
            return List.of("GET /");
        }

        @Override
        public SourceSlot newSlot() {
            return new SourceSlot();
        }

        @Override
        public void start(long startNanos) {}

        @Override
        public long next(SourceSlot slot) {
            return times.next();
        }

        @Override
        public RequestTemplate build(SourceSlot slot, long requestNumber) {
            return REQUEST;
        }
    }

    /** Records each send at the clock's reading and ends requests when the test says. */
    private static final class RecordingPool implements RequestSender {
        private record Pending(int endpoint, long intended, long sent, Completion completion) {}

        private final ManualNanoClock clock;
        final List<Send> sends = new ArrayList<>();
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();

        RecordingPool(ManualNanoClock clock) {
            this.clock = clock;
        }

        @Override
        public void send(RequestTemplate template, int endpoint, long intendedNanos, Completion completion) {
            sends.add(new Send(intendedNanos, clock.nanoTime()));
            pending.add(new Pending(endpoint, intendedNanos, clock.nanoTime(), completion));
        }

        void endOldest() {
            Pending p = pending.poll();
            p.completion.done(p.endpoint, p.intended, p.sent, clock.nanoTime(), 200, 0, SendResult.OK);
        }

        @Override
        public CompletableFuture<Integer> warmUp(int count) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public CompletableFuture<Void> stop(long graceNanos) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}

        @Override
        public int openConnections() {
            return 0;
        }

        @Override
        public long connectAttempts() {
            return 0;
        }

        @Override
        public int outstanding() {
            return pending.size();
        }

        @Override
        public long callbackErrors() {
            return 0;
        }

        @Override
        public Optional<String> lastConnectFailure() {
            return Optional.empty();
        }

        @Override
        public EventLoop eventLoop() {
            throw new UnsupportedOperationException("not on a loop");
        }
    }
}
