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
    private final Bytes<?> pending = RecordStoreWriter.singleOwner(Bytes.allocateElasticOnHeap(1 << 16));
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

    /** Reads the next record into {@code record}; false at the end of the store. */
    public boolean next(RequestRecord record) {
        if (pendingRecords > 0) {
            pendingRecords--;
            if (pending.readByte() != RecordCodec.RECORD) {
                throw new IllegalStateException("record store is corrupt: a batch holds something else than records");
            }
            decode(pending, record);
            return true;
        }
        while (true) {
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
                    continue;
                }
                if (tag == RecordCodec.BATCH) {
                    long count = in.readStopBit();
                    pending.clear();
                    pending.write(in);
                    pendingRecords = count;
                    if (count == 0) {
                        continue;
                    }
                    return next(record);
                }
                if (tag != RecordCodec.RECORD) {
                    throw new IllegalStateException("record store is corrupt: unknown entry type " + tag);
                }
                decode(in, record);
                return true;
            }
        }
    }

    private void decode(Bytes<?> in, RequestRecord record) {
        int fileId = RecordCodec.read(in, record);
        record.source(fileId < files.size() ? files.get(fileId) : null, record.sourceLine());
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
