package dev.stampede.testbed.lb;

import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes access log lines to a file from one dedicated daemon thread ({@value #THREAD_NAME}), so that
 * the event loops never wait for the disk. Producers render on their own thread and hand the line to a
 * bounded queue; when the queue is full they wait (counted by {@link #stalls()}) rather than drop a
 * line, because a replay built from this log must see every request. The writer flushes whenever the
 * queue runs empty, so a reader sees a line as soon as the disk has taken it.
 *
 * <p>The first write error stops writing: {@link #log} then throws, and {@link #sync} and {@link
 * #close} rethrow it, so a broken log is never silent.
 */
public final class AccessLogWriter implements AutoCloseable {

    /** The writer thread's name. */
    public static final String THREAD_NAME = "testbed-access-log";

    /** Queue capacity in lines when none is given. */
    public static final int DEFAULT_CAPACITY = 65_536;

    private static final long WAIT_SECONDS = 10;
    private static final int MAX_KEPT_BUILDER_CHARS = 16 * 1024;

    /** Tells the writer thread that nothing follows; compared by identity. */
    private static final byte[] END = new byte[0];

    private static final FastThreadLocal<StringBuilder> LINE_BUILDER = new FastThreadLocal<>() {
        @Override
        protected StringBuilder initialValue() {
            return new StringBuilder(512);
        }
    };

    private final String target;
    private final NginxLogFormat format;
    private final BlockingQueue<Object> queue;
    private final AccessLogSink sink;
    private final Thread thread;
    /** Held shared by producers while they enqueue, exclusively by close: nothing can follow END. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();

    private final LongAdder stalls = new LongAdder();
    private volatile boolean closed;
    private boolean closeDone;

    /** Opens {@code file} with a queue of {@link #DEFAULT_CAPACITY} lines; see {@link #AccessLogWriter(Path, NginxLogFormat, int)}. */
    public AccessLogWriter(Path file, NginxLogFormat format) {
        this(file, format, DEFAULT_CAPACITY);
    }

    /**
     * Creates the parent directories, truncates or creates {@code file} and starts the writer thread.
     *
     * @param file the log file
     * @param format renders each entry
     * @param capacity how many lines may wait for the writer before producers have to wait too
     * @throws UncheckedIOException naming the file when it cannot be opened
     */
    public AccessLogWriter(Path file, NginxLogFormat format, int capacity) {
        // Arguments are evaluated in order: validate before the file is opened, so nothing leaks.
        this(
                file.toString(),
                Objects.requireNonNull(format, "format"),
                requireCapacity(capacity),
                AccessLogSink.open(file));
    }

    /** Writes to {@code out}, which the writer closes; lets tests inject a stream that fails. */
    AccessLogWriter(String target, NginxLogFormat format, int capacity, OutputStream out) {
        this.target = target;
        this.format = Objects.requireNonNull(format, "format");
        this.queue = new ArrayBlockingQueue<>(requireCapacity(capacity));
        this.sink = new AccessLogSink(out);
        this.thread = new Thread(this::drain, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Renders {@code entry} on the calling thread and queues the line. Waits only when the queue is
     * full.
     *
     * @throws IllegalStateException after {@link #close}, or after a write error (the cause)
     */
    public void log(AccessLogEntry entry) {
        enqueue(encode(entry), true);
    }

    /**
     * Waits until every line logged before this call is in the file and flushed (bounded: 10 s).
     *
     * @throws UncheckedIOException if writing failed
     * @throws IllegalStateException after {@link #close}, or if the writer did not catch up in time
     */
    public void sync() {
        CountDownLatch written = new CountDownLatch(1);
        enqueue(written, false); // accepted even after a write error, which is then rethrown below
        if (!awaitUninterruptibly(written)) {
            throw new IllegalStateException("access log " + target + " not flushed within " + WAIT_SECONDS + " s");
        }
        rethrowFailure();
    }

    /** Lines flushed to the file so far. */
    public long linesWritten() {
        return sink.linesWritten();
    }

    /** How many times a producer found the queue full and had to wait. */
    public long stalls() {
        return stalls.sum();
    }

    /**
     * Stops accepting lines, writes and flushes everything queued, closes the file and waits (up to 10
     * s) for the writer thread. Calling it again does nothing.
     *
     * @throws UncheckedIOException if any write, flush or the close failed
     * @throws IllegalStateException if the writer did not finish in time
     */
    @Override
    public synchronized void close() {
        if (closeDone) {
            return;
        }
        closeDone = true;
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            // The writer keeps draining even after a failure, so this offer can only time out if the disk hangs.
            boolean ended = queue.offer(END, WAIT_SECONDS, TimeUnit.SECONDS);
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (!ended || thread.isAlive()) {
                throw new IllegalStateException("access log writer for " + target + " did not finish within "
                        + WAIT_SECONDS + " s; " + queue.size() + " lines still queued");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing access log " + target, e);
        }
        rethrowFailure();
    }

    @Override
    public String toString() {
        return "AccessLogWriter[" + target + "]";
    }

    private byte[] encode(AccessLogEntry entry) {
        StringBuilder line = LINE_BUILDER.get();
        line.setLength(0);
        format.render(entry, line);
        byte[] bytes = AccessLogSink.encode(line);
        if (line.capacity() > MAX_KEPT_BUILDER_CHARS) {
            LINE_BUILDER.remove(); // one huge body must not pin a huge buffer on every event loop
        }
        return bytes;
    }

    private void enqueue(Object item, boolean isLine) {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("access log " + target + " is closed");
            }
            IOException failure = sink.failure();
            if (isLine && failure != null) {
                throw new IllegalStateException("writing access log " + target + " failed", failure);
            }
            if (!queue.offer(item)) {
                stalls.increment();
                putUninterruptibly(item);
            }
        } finally {
            closing.readLock().unlock();
        }
    }

    /** A line must not be lost because an event loop was interrupted while it waited. */
    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitUninterruptibly(CountDownLatch latch) {
        try {
            return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void rethrowFailure() {
        IOException failure = sink.failure();
        if (failure != null) {
            throw new UncheckedIOException("writing access log " + target + " failed: " + failure, failure);
        }
    }

    /** The writer thread: write lines in queue order, flush when the queue runs dry, stop at END. */
    private void drain() {
        try {
            while (true) {
                Object item = queue.poll();
                if (item == null) {
                    sink.flush();
                    item = queue.take();
                }
                if (item == END) {
                    break;
                } else if (item instanceof byte[] line) {
                    sink.write(line);
                } else {
                    sink.flush();
                    ((CountDownLatch) item).countDown();
                }
            }
        } catch (InterruptedException e) {
            // Nobody interrupts this thread but the JVM going down; close the file and leave.
            Thread.currentThread().interrupt();
        } finally {
            sink.close();
        }
    }

    private static int requireCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return capacity;
    }
}
