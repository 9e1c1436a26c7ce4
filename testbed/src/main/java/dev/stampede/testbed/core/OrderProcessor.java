package dev.stampede.testbed.core;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The trading core's capacity: {@code workers} threads, each busy for one sampled service time per
 * operation, and room for {@code queueCapacity} more operations waiting. Below capacity operations wait
 * only for their own service time; near it they queue; beyond it there is no room and further
 * operations are refused at once with {@link CoreBusyException}. Capacity in operations per second is
 * {@code workers / mean service time}.
 *
 * <p>Admission counts operations in the system (running or waiting) against {@code workers +
 * queueCapacity} permits, rather than relying on the executor's bounded queue: a burst onto idle
 * workers must be admitted even before the workers have woken to take it.
 */
public final class OrderProcessor implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final ServiceTime serviceTime;
    private final Pause pause;
    private final int workers;
    private final int queueCapacity;
    private final Semaphore room;
    private final ThreadLocal<SplittableRandom> random;
    private final AtomicInteger inSystem = new AtomicInteger();
    private final AtomicInteger maxQueueDepth = new AtomicInteger();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    public OrderProcessor(int workers, int queueCapacity, ServiceTime serviceTime, Pause pause, long seed) {
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "workers and queue capacity must be at least 1, got " + workers + " and " + queueCapacity);
        }
        this.serviceTime = serviceTime;
        this.pause = pause;
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.room = new Semaphore(workers + queueCapacity);
        AtomicInteger threadIndex = new AtomicInteger();
        SplittableRandom seeds = new SplittableRandom(seed);
        this.random = ThreadLocal.withInitial(() -> {
            synchronized (seeds) {
                return seeds.split();
            }
        });
        this.executor = new ThreadPoolExecutor(
                workers, workers, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "trading-core-" + threadIndex.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs {@code operation} on a worker after its service time. The future fails with {@link
     * CoreBusyException} at once when there is no room.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!room.tryAcquire()) {
            rejected.incrementAndGet();
            result.completeExceptionally(new CoreBusyException(queueCapacity));
            return result;
        }
        int now = inSystem.incrementAndGet();
        maxQueueDepth.accumulateAndGet(Math.max(0, now - workers), Math::max);
        executor.execute(new Task<>(operation, result));
        return result;
    }

    /** Operations admitted and not yet started by a worker. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    /** The most operations that have been waiting beyond the workers at once. */
    public int maxQueueDepth() {
        return maxQueueDepth.get();
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Operations being worked on now. */
    public int busyWorkers() {
        return Math.min(workers, inSystem.get() - queueDepth());
    }

    public int workers() {
        return workers;
    }

    /** Operations refused because there was no room. */
    public long rejected() {
        return rejected.get();
    }

    /** Operations a worker has finished (counted before their futures complete). */
    public long completed() {
        return completed.get();
    }

    public ServiceTime serviceTime() {
        return serviceTime;
    }

    /** Stops the workers; operations still waiting fail with "trading core stopped". */
    @Override
    public void close() {
        List<Runnable> neverRun = executor.shutdownNow();
        for (Runnable task : neverRun) {
            ((Task<?>) task).result.completeExceptionally(new IllegalStateException("trading core stopped"));
        }
    }

    /** One admitted operation: service time, the operation, then its room is freed. */
    private final class Task<T> implements Runnable {
        private final Supplier<T> operation;
        private final CompletableFuture<T> result;

        Task(Supplier<T> operation, CompletableFuture<T> result) {
            this.operation = operation;
            this.result = result;
        }

        @Override
        public void run() {
            T value = null;
            Throwable failure = null;
            try {
                pause.pause(serviceTime.sampleNanos(random.get()));
                value = operation.get();
            } catch (Throwable t) {
                failure = t;
            } finally {
                completed.incrementAndGet();
                inSystem.decrementAndGet();
                room.release();
            }
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
                if (failure instanceof Error error) {
                    throw error;
                }
            }
        }
    }
}
