package dev.stampede.engine.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Streams a result journal in order, in constant memory (one batch excerpt at a time). Refuses a
 * folder that is not a journal or whose version it does not know; reports undecodable bytes as a
 * {@link CorruptJournalException} naming the folder and the excerpt. A journal without its trailer (the
 * run was killed before closing it) reads to its last whole excerpt, and {@link #trailer()} is then
 * empty: callers say the journal is incomplete. Single-threaded.
 */
public final class JournalReader implements AutoCloseable {

    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHeader header;
    private ByteBuffer batch = ByteBuffer.allocate(JournalFormat.BATCH_ENTRIES * JournalFormat.ENTRY_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
    private int pending;
    private long excerpt;
    private long entries;
    private JournalTrailer trailer;
    private long trailerExcerpt;

    private JournalReader(Path directory) {
        this.directory = directory;
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile())
                .readOnly(true)
                .build();
        try {
            this.tailer = queue.createTailer();
            this.header = readHeader();
        } catch (InternalError e) { // a mapped read past the end of a file cut short (see nextExcerpt)
            queue.close();
            throw corrupt("the file ends inside the header (cut short?): " + e.getMessage());
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Opens the journal of a result directory ({@code RESULT_DIR/journal}), or a journal folder given
     * itself.
     *
     * @throws IllegalArgumentException when there is no journal there, it is not a Stampede journal, or
     *     it has a version this code does not read; the message names the folder
     * @throws CorruptJournalException when its header does not decode
     */
    public static JournalReader open(Path resultDir) {
        Path directory = ResultJournal.directory(resultDir);
        if (!Files.isDirectory(directory) && hasQueueFiles(resultDir)) {
            directory = resultDir;
        }
        if (!hasQueueFiles(directory)) {
            throw new IllegalArgumentException("no result journal at " + directory);
        }
        return new JournalReader(directory);
    }

    private static boolean hasQueueFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".cq4"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + directory, e);
        }
    }

    private JournalHeader readHeader() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                throw new IllegalArgumentException(directory + " is an empty journal (no header)");
            }
            Bytes<?> in = dc.wire().bytes();
            checkWithinFile(in);
            try {
                String magic = in.readRemaining() > 1 && in.readByte() == JournalFormat.HEADER ? in.readUtf8() : null;
                if (!JournalFormat.MAGIC.equals(magic)) {
                    throw new IllegalArgumentException(directory + " is not a Stampede result journal");
                }
                int version = in.readInt();
                if (version != JournalFormat.VERSION) {
                    throw new IllegalArgumentException(directory + " is a result journal of version " + version
                            + "; this Stampede reads version " + JournalFormat.VERSION);
                }
                int entryBytes = in.readInt();
                if (entryBytes != JournalFormat.ENTRY_BYTES) {
                    throw corrupt("entries of " + entryBytes + " bytes, version 1 has " + JournalFormat.ENTRY_BYTES);
                }
                String runId = in.readUtf8();
                long originEpochMillis = in.readLong();
                List<String> endpoints = readStrings(in);
                List<String> outcomes = readStrings(in);
                return new JournalHeader(runId, endpoints, outcomes, originEpochMillis);
            } catch (IllegalArgumentException | CorruptJournalException e) {
                throw e;
            } catch (RuntimeException | InternalError e) {
                throw corrupt("the header does not decode (" + e + ")");
            }
        }
    }

    private List<String> readStrings(Bytes<?> in) {
        int count = in.readInt();
        if (count < 0 || count > in.readRemaining()) {
            throw corrupt("a list of " + count + " names in the header");
        }
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.readUtf8());
        }
        return strings;
    }

    /** The run's header: run id, endpoint names, outcome codes, origin. */
    public JournalHeader header() {
        return header;
    }

    /**
     * Reads the next entry into {@code entry}; false at the end of the journal. Allocates nothing once
     * its buffer holds the largest batch.
     *
     * @throws CorruptJournalException when an excerpt does not decode, something follows the trailer, or
     *     the trailer's count is not the number of entries read
     */
    public boolean next(JournalEntry entry) {
        try {
            while (pending == 0) {
                if (!nextExcerpt()) {
                    return false;
                }
            }
        } catch (InternalError e) {
            // A read past the end of a file cut short that checkWithinFile could not see coming (inside
            // an excerpt's length word); Java may raise it a little later, so this is best effort.
            throw corrupt("the file ends inside this excerpt (cut short?): " + e.getMessage());
        }
        pending--;
        EntryCodec.decode(batch, entry);
        if (entry.outcome >= header.outcomeCodes().size()) {
            throw corrupt("entry " + entries + " has outcome index " + entry.outcome + " of "
                    + header.outcomeCodes().size());
        }
        entry.index = entries++;
        return true;
    }

    private boolean nextExcerpt() {
        excerpt++; // the one about to be read: header is 0
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                excerpt--;
                checkTrailer();
                return false;
            }
            if (trailer != null) {
                throw corrupt("an excerpt after the trailer");
            }
            Bytes<?> in = dc.wire().bytes();
            checkWithinFile(in);
            byte tag = in.readRemaining() > 0 ? in.readByte() : 0;
            if (tag == JournalFormat.BATCH) {
                readBatch(in);
            } else if (tag == JournalFormat.TRAILER) {
                if (in.readRemaining() != 16) {
                    throw corrupt("a trailer of " + in.readRemaining() + " bytes, expected 16");
                }
                trailer = new JournalTrailer(in.readLong(), in.readLong());
                trailerExcerpt = excerpt;
            } else if (tag == JournalFormat.HEADER) {
                throw corrupt("a second header");
            } else {
                throw corrupt("unknown excerpt type " + tag);
            }
            return true;
        }
    }

    /**
     * Refuses an excerpt that ends past the end of its file (the file was cut short) before touching its
     * bytes: Java reports reading a mapped page past the end of a file as an {@code InternalError}
     * raised later, wherever the compiled code next checks for it. Chronicle preallocates its files, so a
     * whole file always extends past its last excerpt.
     */
    private void checkWithinFile(Bytes<?> in) {
        if (in instanceof MappedBytes mapped
                && in.readLimit() > mapped.mappedFile().actualSize()) {
            throw corrupt(
                    "the file ends inside this excerpt (" + mapped.mappedFile().file() + " cut short?)");
        }
    }

    private void readBatch(Bytes<?> in) {
        long remaining = in.readRemaining() - 4;
        int count = remaining < 0 ? -1 : in.readInt();
        if (count < 1 || remaining != (long) count * JournalFormat.ENTRY_BYTES) {
            throw corrupt("a batch of " + count + " entries in " + remaining + " bytes (entries are "
                    + JournalFormat.ENTRY_BYTES + " bytes)");
        }
        int length = (int) remaining;
        if (batch.capacity() < length) {
            batch = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        }
        batch.clear();
        in.read(batch.array(), 0, length);
        batch.limit(length);
        pending = count;
    }

    private void checkTrailer() {
        if (trailer != null && trailer.written() != entries) {
            excerpt = trailerExcerpt;
            throw corrupt("the trailer counts " + trailer.written() + " entries, the journal holds " + entries);
        }
    }

    /** The trailer, once the end has been read; empty when the journal was never closed (run killed). */
    public Optional<JournalTrailer> trailer() {
        return Optional.ofNullable(trailer);
    }

    /** Entries read so far. */
    public long entriesRead() {
        return entries;
    }

    /** The journal folder read. */
    public Path directory() {
        return directory;
    }

    private CorruptJournalException corrupt(String problem) {
        return new CorruptJournalException(directory, excerpt, problem);
    }

    @Override
    public void close() {
        queue.close();
    }
}
