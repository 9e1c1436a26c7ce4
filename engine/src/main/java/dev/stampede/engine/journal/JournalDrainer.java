package dev.stampede.engine.journal;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The journal thread: drains the buffer into batch excerpts of up to {@value
 * JournalFormat#BATCH_ENTRIES} entries, and at the end writes the trailer. The only thread that
 * appends entries to the queue (a Chronicle appender belongs to one thread). When idle it parks for
 * {@link #IDLE_PARK_NANOS}: latency does not matter here, only that the buffer never fills.
 *
 * <p>A failed write (disk full) does not stop it: it keeps draining, counts what it could not write as
 * lost (reported with the dropped entries) and keeps the first failure for {@link
 * ResultJournal#failure()}.
 */
final class JournalDrainer implements Runnable, EventPoller.Handler<JournalEntry> {

    static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Yields to wait at close for a producer between claiming and publishing a slot, at most. */
    private static final int FINAL_DRAIN_YIELDS = 100_000;

    private final ChronicleQueue queue;
    private final RingBuffer<JournalEntry> ring;
    private final EventPoller<JournalEntry> poller;
    private final ByteBuffer batch = ByteBuffer.allocate(JournalFormat.BATCH_ENTRIES * JournalFormat.ENTRY_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
    private final ResultJournal journal;
    private ExcerptAppender appender;
    private int batched;
    private int polled;
    private volatile boolean stopRequested;
    private volatile long written;
    private volatile long lost;
    private volatile Throwable failure;

    JournalDrainer(ChronicleQueue queue, RingBuffer<JournalEntry> ring, ResultJournal journal) {
        this.queue = queue;
        this.ring = ring;
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.journal = journal;
    }

    void requestStop() {
        stopRequested = true;
    }

    long written() {
        return written;
    }

    /** Entries taken from the buffer that could not be written, and at close, slots never published. */
    long lost() {
        return lost;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try (ExcerptAppender own = queue.createAppender()) {
            appender = own;
            drainUntilStopped();
            writeTrailer();
        } catch (RuntimeException | Error e) {
            // The queue could not be opened for appending, or the trailer not written: keep taking
            // entries until close, counting them as lost (flush writes nothing once failed).
            fail(e);
            drainUntilStopped();
        }
    }

    private void drainUntilStopped() {
        while (!stopRequested) {
            if (drainOnce() == 0) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
        drainToEnd();
    }

    /** Drains what is published now into excerpts; returns how many entries it took. */
    private int drainOnce() {
        polled = 0;
        try {
            poller.poll(this);
        } catch (Exception e) {
            fail(e); // onEvent does not throw; kept for failure(), and what follows is counted as lost
        }
        flush();
        return polled;
    }

    /** Called by the poller for each published entry. */
    @Override
    public boolean onEvent(JournalEntry entry, long sequence, boolean endOfBatch) {
        EntryCodec.encode(batch, entry);
        polled++;
        if (++batched == JournalFormat.BATCH_ENTRIES) {
            flush();
        }
        return true;
    }

    private void flush() {
        if (batched == 0) {
            return;
        }
        if (failure == null) {
            try (DocumentContext dc = appender.writingDocument()) {
                Bytes<?> out = dc.wire().bytes();
                out.writeByte(JournalFormat.BATCH);
                out.writeInt(batched);
                out.write(batch.array(), 0, batch.position());
            } catch (RuntimeException | InternalError e) { // InternalError: a mapped write failed (disk full)
                fail(e);
            }
        }
        if (failure == null) {
            written += batched; // one writer: a plain read-modify-write of the volatile is safe
        } else {
            lost += batched;
        }
        batch.clear();
        batched = 0;
    }

    /**
     * After a stop: drains until every claimed slot is published and taken. A slot claimed but never
     * published (a producer still inside {@code record}, against the contract of close) is waited for
     * a bounded number of yields, then counted as lost.
     */
    private void drainToEnd() {
        long claimed = ring.getCursor();
        for (int yields = 0; poller.getSequence().get() < claimed && yields < FINAL_DRAIN_YIELDS; ) {
            if (drainOnce() == 0) {
                yields++;
                Thread.yield();
            }
        }
        lost += claimed - poller.getSequence().get();
    }

    private void writeTrailer() {
        if (failure != null) {
            return;
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(JournalFormat.TRAILER);
            out.writeLong(written);
            out.writeLong(journal.dropped());
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }
}
