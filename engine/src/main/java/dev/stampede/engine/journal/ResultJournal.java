package dev.stampede.engine.journal;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.stampede.engine.http.Completion;
import dev.stampede.engine.measure.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The optional result journal of a run: one entry per scheduled request in {@code RESULT_DIR/journal/}
 * (a Chronicle Queue; layout in {@link JournalFormat} and docs/journal.md), for analysis after the run
 * and for looking a request up by its trace id. Read it with {@link JournalReader}.
 *
 * <p>Threading: {@link #record} is called on the Netty event loops (any number of threads) and hands
 * the entry to one journal thread through a bounded multi-producer ring of preallocated entries (a
 * Disruptor {@code RingBuffer} read with an {@code EventPoller}). It never waits: when the ring is full
 * the entry is counted in {@link #dropped()}, and the count goes into the journal's trailer, so a reader
 * knows the journal is short and by how much. {@link #close()} is called once, after the last {@code
 * record} has returned (after the event loops have stopped): it drains the ring, writes the trailer
 * (entries written, entries dropped) and closes the queue.
 */
public final class ResultJournal implements AutoCloseable {

    private final Path directory;
    private final long originNanos;
    private final ChronicleQueue queue;
    private final RingBuffer<JournalEntry> ring;
    private final AtomicLong dropped = new AtomicLong();
    private final JournalDrainer drainer;
    private final Thread thread;
    private volatile boolean closed;

    private ResultJournal(Path directory, JournalHeader header, long originNanos, JournalOptions options) {
        this.directory = directory;
        this.originNanos = originNanos;
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        try (ExcerptAppender appender = queue.createAppender()) {
            writeHeader(appender, header);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        // The wait strategy is never waited on (the journal thread polls); busy-spin's signal is a no-op,
        // where a blocking strategy would take a lock on every publish.
        this.ring = RingBuffer.createMultiProducer(JournalEntry::new, options.capacity(), new BusySpinWaitStrategy());
        this.drainer = new JournalDrainer(queue, ring, this);
        this.thread = options.threads().newThread(drainer);
        thread.start();
    }

    /** The journal folder of a result directory. */
    public static Path directory(Path resultDir) {
        return resultDir.resolve(JournalFormat.DIRECTORY);
    }

    /**
     * Opens a journal in {@code RESULT_DIR/journal/} with the default options.
     *
     * @param runId the run's id, kept in the header
     * @param endpoints endpoint names; {@link #record}'s endpoint is an index into this list
     * @param originNanos the {@code NanoClock} reading that entry times are made relative to; every time
     *     recorded must be at or after it (open the journal before the schedule's first intended time)
     * @param originEpochMillis the wall-clock time at {@code originNanos}, so readers can print dates
     * @throws IllegalArgumentException when the journal folder exists and is not empty
     * @throws UncheckedIOException when the folder cannot be created
     */
    public static ResultJournal open(
            Path resultDir, String runId, List<String> endpoints, long originNanos, long originEpochMillis) {
        return open(resultDir, runId, endpoints, originNanos, originEpochMillis, JournalOptions.defaults());
    }

    /** {@link #open(Path, String, List, long, long)} with other options (buffer capacity, thread). */
    public static ResultJournal open(
            Path resultDir,
            String runId,
            List<String> endpoints,
            long originNanos,
            long originEpochMillis,
            JournalOptions options) {
        Path directory = directory(resultDir);
        createEmpty(directory);
        List<String> codes = Outcome.ALL.stream().map(Outcome::code).toList();
        return new ResultJournal(
                directory, new JournalHeader(runId, endpoints, codes, originEpochMillis), originNanos, options);
    }

    /**
     * Records one request. Hot path: allocates nothing, takes no lock, never waits and never throws for
     * a value; safe from any number of threads. Entries after {@link #close()} are counted as dropped.
     *
     * @param endpoint the endpoint index (into the names given to {@code open})
     * @param intendedNanos the intended send time ({@code NanoClock}, as given to the pool)
     * @param sentNanos when it was written to the connection, or {@link Completion#NOT_SENT}
     * @param doneNanos when it ended
     * @param status the HTTP status, 0 without a complete response
     * @param responseBytes response bytes received
     * @param outcome how it ended
     * @param traceHigh the high half of its W3C trace id, 0 with {@code traceLow} 0 when none
     * @param traceLow the low half of its trace id
     */
    public void record(
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long responseBytes,
            Outcome outcome,
            long traceHigh,
            long traceLow) {
        // Everything that could throw happens before a slot is claimed: a claimed slot never published
        // would hold the journal thread up.
        int outcomeIndex = outcome.ordinal();
        long sent = sentNanos == Completion.NOT_SENT ? JournalFormat.UNSENT : sentNanos - originNanos;
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) { // a preallocated instance without a stack trace
            dropped.incrementAndGet();
            return;
        }
        ring.get(sequence)
                .set(
                        intendedNanos - originNanos,
                        sent,
                        doneNanos - originNanos,
                        endpoint,
                        status,
                        responseBytes,
                        outcomeIndex,
                        traceHigh,
                        traceLow);
        ring.publish(sequence);
    }

    /** Entries written to the journal so far (from any thread). */
    public long written() {
        return drainer.written();
    }

    /**
     * Entries not written: the buffer was full, a write failed, or they came after {@link #close()}
     * (from any thread). After close, {@code recorded = written() + dropped()}.
     */
    public long dropped() {
        return dropped.get() + drainer.lost();
    }

    /** Why the journal stopped writing (disk full...), if it did; its entries since are in {@link #dropped()}. */
    public Optional<String> failure() {
        Throwable failure = drainer.failure();
        return failure == null ? Optional.empty() : Optional.of(directory + ": " + failure);
    }

    /** The journal's folder. */
    public Path directory() {
        return directory;
    }

    /**
     * Drains the buffer, writes the trailer and closes the queue; waits for the journal thread (so never
     * on an event loop). Call it after the last {@link #record} has returned. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drainer.requestStop();
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the trailer must be written before the queue closes: keep waiting
            }
        }
        queue.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeHeader(ExcerptAppender appender, JournalHeader header) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(JournalFormat.HEADER);
            out.writeUtf8(JournalFormat.MAGIC);
            out.writeInt(JournalFormat.VERSION);
            out.writeInt(JournalFormat.ENTRY_BYTES);
            out.writeUtf8(header.runId());
            out.writeLong(header.originEpochMillis());
            out.writeInt(header.endpoints().size());
            for (String endpoint : header.endpoints()) {
                out.writeUtf8(endpoint);
            }
            out.writeInt(header.outcomeCodes().size());
            for (String code : header.outcomeCodes()) {
                out.writeUtf8(code);
            }
        }
    }

    private static void createEmpty(Path directory) {
        try {
            if (Files.exists(directory)) {
                if (!Files.isDirectory(directory)) {
                    throw new IllegalArgumentException(directory + " exists and is not a directory");
                }
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(directory + " is not empty; a run writes a new journal");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + directory, e);
        }
    }
}
