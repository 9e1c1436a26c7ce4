package dev.stampede.engine.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Writes journal excerpts byte by byte from the layout in docs/journal.md, independently of the
 * journal's own writer: for journals the writer would never make (other versions, corrupt batches,
 * no trailer).
 */
final class RawJournal implements AutoCloseable {

    static final int ENTRY_BYTES = 55;

    private final ChronicleQueue queue;
    private final ExcerptAppender appender;

    RawJournal(Path journalDirectory) {
        this.queue =
                SingleChronicleQueueBuilder.single(journalDirectory.toFile()).build();
        this.appender = queue.createAppender();
    }

    RawJournal header(int version, String runId, List<String> endpoints, List<String> outcomes) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte((byte) 1);
            out.writeUtf8("stampede-journal");
            out.writeInt(version);
            out.writeInt(ENTRY_BYTES);
            out.writeUtf8(runId);
            out.writeLong(1_700_000_000_000L);
            out.writeInt(endpoints.size());
            endpoints.forEach(out::writeUtf8);
            out.writeInt(outcomes.size());
            outcomes.forEach(out::writeUtf8);
        }
        return this;
    }

    /** A batch excerpt claiming {@code count} entries and holding {@code entries.length / 55} of them. */
    RawJournal batch(int count, byte[] entries) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte((byte) 2);
            out.writeInt(count);
            out.write(entries);
        }
        return this;
    }

    RawJournal trailer(long written, long dropped) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte((byte) 3);
            out.writeLong(written);
            out.writeLong(dropped);
        }
        return this;
    }

    RawJournal excerpt(byte... bytes) {
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(bytes);
        }
        return this;
    }

    /** Entries {@code 0..n-1}: intended i ms, sent +1 µs, done +2 ms, endpoint 0, status 200, outcome 0. */
    static byte[] entries(int n) {
        ByteBuffer out = ByteBuffer.allocate(n * ENTRY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            long intended = i * 1_000_000L;
            out.putLong(intended).putLong(intended + 1_000).putLong(intended + 2_000_000);
            out.putInt(0).putShort((short) 200).putLong(100).put((byte) 0);
            out.order(ByteOrder.BIG_ENDIAN).putLong(0x0af7651916cd43ddL).putLong(i);
            out.order(ByteOrder.LITTLE_ENDIAN);
        }
        return out.array();
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}
