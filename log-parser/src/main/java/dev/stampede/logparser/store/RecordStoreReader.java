package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Streams a record store in order, in constant memory. Refuses a directory that is not a record store
 * or whose version it does not know, with a message that says so. Single-threaded.
 */
public final class RecordStoreReader implements AutoCloseable {

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final List<String> files = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final ByteSource pending = new ByteSource();
    private byte[] buffer = new byte[1 << 16];
    private long pendingRecords;
    private final int version;
    private final long createdEpochMillis;
    private final String format;

    private RecordStoreReader(Path directory) {
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile())
                .readOnly(true)
                .build();
        this.tailer = queue.createTailer();
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                queue.close();
                throw new IllegalArgumentException(directory + " is an empty record store (no header)");
            }
            Bytes<?> in = dc.wire().bytes();
            String magic = in.readByte() == RecordCodec.HEADER ? in.readUtf8() : null;
            if (!RecordStoreWriter.MAGIC.equals(magic)) {
                queue.close();
                throw new IllegalArgumentException(directory + " is not a Stampede record store");
            }
            this.version = in.readInt();
            if (version != RecordStoreWriter.VERSION) {
                queue.close();
                throw new IllegalArgumentException(directory + " is a record store of format version " + version
                        + "; this Stampede reads version " + RecordStoreWriter.VERSION + " (re-run stampede parse)");
            }
            this.createdEpochMillis = in.readLong();
            this.format = in.readUtf8();
        }
    }

    /**
     * Opens the store in {@code directory}.
     *
     * @throws IllegalArgumentException when it does not exist, is not a store, or has another version
     */
    public static RecordStoreReader open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no record store at " + directory + " (not a directory)");
        }
        return new RecordStoreReader(directory);
    }

    /**
     * Reads the next record into {@code record}; false at the end of the store.
     *
     * @throws CorruptStoreException when the store's bytes do not decode
     */
    public boolean next(RequestRecord record) {
        while (pendingRecords == 0) {
            if (!nextExcerpt()) {
                return false;
            }
        }
        pendingRecords--;
        int fileId = RecordCodec.read(pending, strings, record);
        record.source(fileId < files.size() ? files.get(fileId) : null, record.sourceLine());
        return true;
    }

    /** Reads one excerpt: table entries are taken in, a batch becomes the pending records. */
    private boolean nextExcerpt() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            Bytes<?> in = dc.wire().bytes();
            byte tag = in.readByte();
            if (tag == RecordCodec.FILE) {
                int id = (int) in.readStopBit();
                String name = in.readUtf8();
                while (files.size() <= id) {
                    files.add(null);
                }
                files.set(id, name);
                return true;
            }
            int length = (int) in.readRemaining();
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            in.read(buffer, 0, length);
            pending.reset(buffer, length);
            if (tag == RecordCodec.STRINGS) {
                long first = pending.readVarLong();
                long count = pending.readVarLong();
                if (first != strings.size()) {
                    throw new CorruptStoreException(
                            "string table entry starts at id " + first + ", expected " + strings.size());
                }
                for (long i = 0; i < count; i++) {
                    strings.add(pending.readUtf8());
                }
                return true;
            }
            if (tag == RecordCodec.BATCH) {
                pendingRecords = pending.readVarLong();
                return true;
            }
            throw new CorruptStoreException("unknown entry type " + tag);
        }
    }

    public int version() {
        return version;
    }

    public long createdEpochMillis() {
        return createdEpochMillis;
    }

    /** The log format the records were parsed with. */
    public String format() {
        return format;
    }

    @Override
    public void close() {
        queue.close();
    }
}
