package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Writes a record store: a Chronicle Queue directory whose first excerpt is the header (magic,
 * version, creation time, format), then file-table entries and records in the order given (the
 * pipeline gives them in start-time order). Single-threaded.
 */
public final class RecordStoreWriter implements AutoCloseable {

    /** Identifies a Stampede record store. */
    static final String MAGIC = "stampede-record-store";

    static final int BATCH_RECORDS = 256;
    private static final int BATCH_BYTES = 1 << 16;

    /** The store format version this code writes and reads. */
    public static final int VERSION = 1;

    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Map<String, Integer> fileIds = new HashMap<>();
    private final Bytes<?> batch = singleOwner(Bytes.allocateElasticOnHeap(1 << 16));
    private int batched;
    private long records;

    private RecordStoreWriter(Path directory, String format, long createdEpochMillis) {
        this.directory = directory;
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.appender = queue.createAppender();
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(RecordCodec.HEADER);
            out.writeUtf8(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(createdEpochMillis);
            out.writeUtf8(format);
        }
    }

    /**
     * Creates a store in {@code directory}, which must not exist or be empty.
     *
     * @param format the log format the records came from, kept in the header
     * @throws IllegalArgumentException when {@code directory} holds files already
     */
    public static RecordStoreWriter create(Path directory, String format, long createdEpochMillis) {
        try {
            if (Files.exists(directory)) {
                if (!Files.isDirectory(directory)) {
                    throw new IllegalArgumentException(directory + " exists and is not a directory");
                }
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(
                                directory + " is not empty; give a new directory for the record store");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the record store " + directory, e);
        }
        return new RecordStoreWriter(directory, format, createdEpochMillis);
    }

    /**
     * Appends {@code record}; its source file joins the file table the first time it is seen. Records
     * are written in batches of up to {@link #BATCH_RECORDS} (or 64 KiB) per queue excerpt: one
     * excerpt per record would cost more than encoding the record.
     */
    public void append(RequestRecord record) {
        int fileId = fileId(record.sourceFile());
        RecordCodec.write(record, fileId, batch);
        records++;
        if (++batched == BATCH_RECORDS || batch.writePosition() >= BATCH_BYTES) {
            flush();
        }
    }

    /**
     * Registers a source file ahead of records that name it by id (see {@link #encode}); returns its id.
     * Registering the same name again returns the same id.
     */
    public int registerFile(String name) {
        return fileId(name);
    }

    /**
     * Encodes {@code record} as this store stores it, naming its source by {@code fileId}; the bytes can be
     * made on any thread and appended later, in order, with {@link #appendEncoded}.
     */
    public static void encode(RequestRecord record, int fileId, Bytes<?> out) {
        RecordCodec.write(record, fileId, out);
    }

    /** Appends one record already {@linkplain #encode encoded}: {@code data[offset, offset + length)}. */
    public void appendEncoded(byte[] data, int offset, int length) {
        batch.write(data, offset, length);
        records++;
        if (++batched == BATCH_RECORDS || batch.writePosition() >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() {
        if (batched == 0) {
            return;
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(RecordCodec.BATCH);
            out.writeStopBit(batched);
            out.write(batch);
        }
        batch.clear();
        batched = 0;
    }

    private int fileId(String file) {
        String name = file == null ? "-" : file;
        Integer id = fileIds.get(name);
        if (id != null) {
            return id;
        }
        int newId = fileIds.size();
        fileIds.put(name, newId);
        flush(); // records already batched may refer to earlier files only, but must precede this entry
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(RecordCodec.FILE);
            out.writeStopBit(newId);
            out.writeUtf8(name);
        }
        return newId;
    }

    /**
     * Turns off Chronicle's per-call thread ownership check on a buffer that only ever has one owner at a
     * time by construction (it cost a fifth of the merge thread's time).
     */
    public static Bytes<?> singleOwner(Bytes<?> bytes) {
        bytes.singleThreadedCheckDisabled(true);
        return bytes;
    }

    /** Records appended so far. */
    public long records() {
        return records;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        flush();
        queue.close();
    }
}
