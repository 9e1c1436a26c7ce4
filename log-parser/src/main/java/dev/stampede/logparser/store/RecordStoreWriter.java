package dev.stampede.logparser.store;

import dev.stampede.logparser.RequestRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Writes a record store: a Chronicle Queue directory whose first excerpt is the header (magic,
 * version, creation time, format), then file-table entries, string-table entries and batches of
 * records in the order given (the pipeline gives them in start-time order); see {@link RecordCodec}.
 * Records may be encoded elsewhere, in parallel, with {@link #newEncoder()}. Single-threaded.
 *
 * <p>The queue opens on a thread of its own ({@link StoreOpening}): setting Chronicle up is most of a
 * short parse's fixed cost, and the parse runs meanwhile. {@link #registerFile} and {@link #newEncoder}
 * do not wait for it; the first write does.
 */
public final class RecordStoreWriter implements AutoCloseable {

    /** Identifies a Stampede record store. */
    static final String MAGIC = "stampede-record-store";

    static final int BATCH_RECORDS = 256;
    private static final int BATCH_BYTES = 1 << 16;
    private static final int STRINGS_PER_ENTRY = 1024;

    /** The store format version this code writes and reads. */
    public static final int VERSION = 2;

    /** Characters of repeated strings the string table may hold (about 16 MB of heap). */
    static final long STRING_BUDGET_CHARS = 4L << 20;

    private final Path directory;
    private final StoreOpening opening;
    private ExcerptAppender appender;
    private final Map<String, Integer> fileIds = new HashMap<>();
    /** File-table entries registered before the queue was open, written first thing once it is. */
    private final List<String> pendingFiles = new ArrayList<>();

    private final StringDictionary strings = new StringDictionary(STRING_BUDGET_CHARS);
    private final RecordEncoder ownEncoder = new RecordEncoder(strings);
    private final ByteSink batch = new ByteSink(BATCH_BYTES * 2);
    private final ByteSink entry = new ByteSink(1 << 12);
    private int stringsWritten;
    private int batched;
    private long records;

    private RecordStoreWriter(Path directory, String format, long createdEpochMillis) {
        this.directory = directory;
        this.opening = StoreOpening.start(directory, appender -> {
            try (DocumentContext dc = appender.writingDocument()) {
                Bytes<?> out = dc.wire().bytes();
                out.writeByte(RecordCodec.HEADER);
                out.writeUtf8(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(createdEpochMillis);
                out.writeUtf8(format);
            }
        });
    }

    /**
     * The queue's appender, once it is open (waits for it the first time): the file-table entries
     * registered meanwhile are written first.
     *
     * @throws UncheckedIOException when the queue could not be opened
     */
    private ExcerptAppender appender() {
        if (appender == null) {
            appender = opening.await().appender();
            for (String name : pendingFiles) {
                writeFileEntry(fileIds.get(name), name);
            }
            pendingFiles.clear();
        }
        return appender;
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
        ownEncoder.encode(record, fileId);
        int maxId = ownEncoder.maxDictionaryId();
        byte[] bytes = ownEncoder.take();
        appendEncoded(bytes, new int[] {0, bytes.length}, 0, 1, maxId);
    }

    /**
     * Registers a source file ahead of records that name it by id (see {@link RecordEncoder#encode});
     * returns its id. Registering the same name again returns the same id.
     */
    public int registerFile(String name) {
        return fileId(name);
    }

    /** An encoder for records bound for this store, to be used on one thread (any thread). */
    public RecordEncoder newEncoder() {
        return new RecordEncoder(strings);
    }

    /**
     * Appends the encoded records {@code from} (inclusive) to {@code to} (exclusive): record {@code i} is
     * {@code data[offsets[i], offsets[i + 1])}, and none uses a string id above {@code maxStringId}.
     */
    public void appendEncoded(byte[] data, int[] offsets, int from, int to, int maxStringId) {
        defineStrings(maxStringId);
        int i = from;
        while (i < to) {
            int end = i;
            int bytes = batch.position();
            do {
                bytes += offsets[end + 1] - offsets[end];
                end++;
            } while (end < to && batched + (end - i) < BATCH_RECORDS && bytes < BATCH_BYTES);
            batch.write(data, offsets[i], offsets[end] - offsets[i]);
            batched += end - i;
            records += end - i;
            if (batched >= BATCH_RECORDS || batch.position() >= BATCH_BYTES) {
                flush();
            }
            i = end;
        }
    }

    /** Writes the string-table entries up to {@code maxId} not written yet, ahead of records using them. */
    private void defineStrings(int maxId) {
        while (stringsWritten <= maxId) {
            int first = stringsWritten;
            int count = Math.min(STRINGS_PER_ENTRY, maxId + 1 - first);
            entry.clear();
            entry.writeByte(RecordCodec.STRINGS);
            entry.writeVarLong(first);
            entry.writeVarLong(count);
            for (int id = first; id < first + count; id++) {
                entry.writeUtf8(strings.value(id));
            }
            try (DocumentContext dc = appender().writingDocument()) {
                dc.wire().bytes().write(entry.array(), 0, entry.position());
            }
            stringsWritten += count;
        }
    }

    private void flush() {
        if (batched == 0) {
            return;
        }
        entry.clear();
        entry.writeByte(RecordCodec.BATCH);
        entry.writeVarLong(batched);
        try (DocumentContext dc = appender().writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.write(entry.array(), 0, entry.position());
            out.write(batch.array(), 0, batch.position());
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
        if (appender == null) {
            pendingFiles.add(name); // nothing is written yet: the entry goes first once the queue is open
            return newId;
        }
        flush(); // records already batched may refer to earlier files only, but must precede this entry
        writeFileEntry(newId, name);
        return newId;
    }

    private void writeFileEntry(int id, String name) {
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> out = dc.wire().bytes();
            out.writeByte(RecordCodec.FILE);
            out.writeStopBit(id);
            out.writeUtf8(name);
        }
    }

    /** Records appended so far. */
    public long records() {
        return records;
    }

    /** Distinct strings in the store's string table. */
    public int distinctStrings() {
        return strings.size();
    }

    public Path directory() {
        return directory;
    }

    /** Writes what is batched and closes the queue (an empty store still gets its header and files). */
    @Override
    public void close() {
        try {
            appender();
            flush();
        } finally {
            opening.close();
        }
    }
}
