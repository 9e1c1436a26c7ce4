package dev.stampede.testbed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The workers' pause blocks on {@link #gate} until the test releases it, and signals {@link #started}
 * as it begins, so the test decides when each operation finishes and never waits on real time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrderProcessorTest {

    private static final long SERVICE_NS = 5_000_000L;
    private static final int WORKERS = 3;
    private static final int QUEUE = 2;
    private static final long WAIT_SECONDS = 10;

    private final Semaphore gate = new Semaphore(0);
    private final Semaphore started = new Semaphore(0);
    private final List<Long> pausedNanos = new CopyOnWriteArrayList<>();
    private final Pause gatedPause = nanos -> {
        pausedNanos.add(nanos);
        started.release();
        gate.acquireUninterruptibly();
    };
    private final List<OrderProcessor> processors = new ArrayList<>();

    @AfterEach
    void releaseWorkersAndClose() {
        gate.release(10_000);
        processors.forEach(OrderProcessor::close);
    }

    private OrderProcessor processor(int workers, int queue) {
        OrderProcessor processor =
                new OrderProcessor(workers, queue, ServiceTime.parse("constant", SERVICE_NS), gatedPause, 7L);
        processors.add(processor);
        return processor;
    }

    /** Submits an operation returning {@code value} and waits until a worker is in its pause. */
    private CompletableFuture<Integer> submitAndWaitForWorker(OrderProcessor processor, int value)
            throws InterruptedException {
        CompletableFuture<Integer> future = processor.submit(() -> value);
        assertThat(started.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("a worker started operation %d", value)
                .isTrue();
        return future;
    }

    /** Fills every worker (each blocked in its pause) and then the queue. */
    private List<CompletableFuture<Integer>> fill(OrderProcessor processor) throws InterruptedException {
        List<CompletableFuture<Integer>> accepted = new ArrayList<>();
        for (int i = 0; i < processor.workers(); i++) {
            accepted.add(submitAndWaitForWorker(processor, i));
        }
        for (int i = processor.workers(); i < processor.workers() + processor.queueCapacity(); i++) {
            int value = i;
            accepted.add(processor.submit(() -> value));
        }
        return accepted;
    }

    private static void awaitCompleted(OrderProcessor processor, long expected) {
        // completed() is incremented just after the future completes (see the report); the class
        // @Timeout bounds this wait.
        while (processor.completed() < expected) {
            Thread.onSpinWait();
        }
    }

    @Test
    void acceptsWorkersPlusQueueAndRefusesTheNextAtOnce() throws Exception {
        OrderProcessor processor = processor(WORKERS, QUEUE);

        List<CompletableFuture<Integer>> accepted = fill(processor);

        assertThat(accepted).hasSize(WORKERS + QUEUE).noneMatch(CompletableFuture::isDone);
        assertThat(processor.busyWorkers()).isEqualTo(WORKERS);
        assertThat(processor.queueDepth()).isEqualTo(QUEUE);
        assertThat(processor.maxQueueDepth()).isEqualTo(QUEUE);
        assertThat(processor.rejected()).isZero();
        assertThat(processor.completed()).isZero();

        CompletableFuture<Integer> refused = processor.submit(() -> -1);

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join)
                .cause()
                .isInstanceOf(CoreBusyException.class)
                .hasMessageContaining(QUEUE + " requests queued");
        assertThat(processor.rejected()).isEqualTo(1);
        assertThat(processor.queueDepth()).isEqualTo(QUEUE);
        assertThat(processor.busyWorkers()).isEqualTo(WORKERS);
        assertThat(accepted).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void afterTheWorkersAreReleasedEveryAcceptedOperationCompletesWithItsValue() throws Exception {
        OrderProcessor processor = processor(WORKERS, QUEUE);
        List<CompletableFuture<Integer>> accepted = fill(processor);
        assertThat(processor.submit(() -> -1)).isCompletedExceptionally();

        gate.release(WORKERS + QUEUE);

        for (int i = 0; i < accepted.size(); i++) {
            assertThat(accepted.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(i);
        }
        awaitCompleted(processor, WORKERS + QUEUE);
        assertThat(processor.completed()).isEqualTo(WORKERS + QUEUE);
        assertThat(processor.rejected()).isEqualTo(1);
        assertThat(processor.queueDepth()).isZero();
        assertThat(processor.maxQueueDepth()).isEqualTo(QUEUE);
        assertThat(pausedNanos).hasSize(WORKERS + QUEUE).containsOnly(SERVICE_NS);

        gate.release(1);
        CompletableFuture<Integer> again = processor.submit(() -> 42);

        assertThat(again.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(42);
        awaitCompleted(processor, WORKERS + QUEUE + 1);
        assertThat(processor.rejected()).isEqualTo(1);
    }

    @Test
    void aFreedQueueSlotIsAvailableAgainWhileWorkersAreStillBusy() throws Exception {
        OrderProcessor processor = processor(1, 1);
        CompletableFuture<Integer> first = submitAndWaitForWorker(processor, 1);
        CompletableFuture<Integer> second = processor.submit(() -> 2);
        assertThat(processor.submit(() -> 3)).isCompletedExceptionally();

        gate.release(1);
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(started.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThat(processor.busyWorkers()).isEqualTo(1);
        assertThat(processor.queueDepth()).isZero();
        CompletableFuture<Integer> fourth = processor.submit(() -> 4);
        assertThat(fourth).isNotDone();
        assertThat(processor.queueDepth()).isEqualTo(1);

        gate.release(2);
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(fourth.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(processor.rejected()).isEqualTo(1);
    }

    @Test
    void theCountOfCompletedOperationsIncludesAnOperationByTheTimeItsFutureCompletes() throws Exception {
        OrderProcessor processor = processor(1, 1);
        CompletableFuture<Integer> future = submitAndWaitForWorker(processor, 1);
        AtomicLong completedSeenByDependent = new AtomicLong(-1);
        CompletableFuture<Void> dependent = future.thenRun(() -> completedSeenByDependent.set(processor.completed()));

        gate.release(1);
        dependent.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(completedSeenByDependent.get())
                .as("completed() read by code that runs when the operation's future completes")
                .isEqualTo(1);
    }

    /**
     * Capacity is workers + queue, also when the operations arrive together. Workers that are idle but
     * have not yet taken an operation off the queue must not make the queue look full.
     */
    @Test
    void aBurstOfWorkersPlusQueueOperationsOntoIdleWorkersIsAllAccepted() throws Exception {
        int workers = 4;
        int queue = 4;
        for (int round = 0; round < 20; round++) {
            OrderProcessor processor = processor(workers, queue);
            warmUp(processor);
            List<CompletableFuture<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < workers + queue; i++) {
                int value = i;
                burst.add(processor.submit(() -> value));
            }

            assertThat(processor.rejected())
                    .as(
                            "round %d: refused of %d submissions onto %d idle workers and an empty queue of %d",
                            round, workers + queue, workers, queue)
                    .isZero();
            assertThat(burst).noneMatch(CompletableFuture::isCompletedExceptionally);
            gate.release(workers + queue);
        }
    }

    /** Runs one operation on every worker, so all of them have started and are idle again. */
    private void warmUp(OrderProcessor processor) throws Exception {
        long before = processor.completed();
        List<CompletableFuture<Integer>> warmUp = new ArrayList<>();
        for (int i = 0; i < processor.workers(); i++) {
            warmUp.add(submitAndWaitForWorker(processor, i));
        }
        gate.release(processor.workers());
        for (CompletableFuture<Integer> future : warmUp) {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        awaitCompleted(processor, before + processor.workers());
        started.drainPermits();
    }

    @Test
    void anOperationThatThrowsFailsItsFutureWithThatException() throws Exception {
        OrderProcessor processor = processor(WORKERS, QUEUE);
        IllegalStateException boom = new IllegalStateException("boom");
        gate.release(1);

        CompletableFuture<Integer> future = processor.submit(() -> {
            throw boom;
        });

        assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isSameAs(boom);
        awaitCompleted(processor, 1);
        assertThat(processor.rejected()).isZero();
    }

    @Test
    void thePauseIsGivenTheSampledServiceTime() throws Exception {
        OrderProcessor processor = processor(WORKERS, QUEUE);
        gate.release(3);

        for (int i = 0; i < 3; i++) {
            assertThat(processor.submit(() -> 0).get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isZero();
        }

        assertThat(pausedNanos).containsExactly(SERVICE_NS, SERVICE_NS, SERVICE_NS);
        assertThat(processor.serviceTime().meanNanos()).isEqualTo(SERVICE_NS);
    }

    @Test
    void thePauseIsGivenSamplesOfAVaryingDistribution() throws Exception {
        OrderProcessor processor =
                new OrderProcessor(1, 10, ServiceTime.parse("uniform", SERVICE_NS), pausedNanos::add, 7L);
        processors.add(processor);

        for (int i = 0; i < 10; i++) {
            processor.submit(() -> 0).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(pausedNanos)
                .hasSize(10)
                .allSatisfy(nanos -> assertThat(nanos).isBetween(SERVICE_NS / 2, SERVICE_NS * 3 / 2));
        assertThat(pausedNanos.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void reportsItsConfiguration() {
        OrderProcessor processor = processor(WORKERS, QUEUE);

        assertThat(processor.workers()).isEqualTo(WORKERS);
        assertThat(processor.queueCapacity()).isEqualTo(QUEUE);
        assertThat(processor.queueDepth()).isZero();
    }

    @Test
    void rejectsFewerThanOneWorkerOrQueueSlot() {
        ServiceTime serviceTime = ServiceTime.parse("constant", SERVICE_NS);

        assertThatThrownBy(() -> new OrderProcessor(0, 1, serviceTime, gatedPause, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0 and 1");
        assertThatThrownBy(() -> new OrderProcessor(1, 0, serviceTime, gatedPause, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1 and 0");
        assertThatThrownBy(() -> new OrderProcessor(-1, 5, serviceTime, gatedPause, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
