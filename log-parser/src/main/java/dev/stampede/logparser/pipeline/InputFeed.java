package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.DocumentFormat;
import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.input.CountingInputStream;
import dev.stampede.logparser.input.Decompression;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.input.LineBatch;
import dev.stampede.logparser.input.LineReader;
import dev.stampede.logparser.store.RecordEncoder;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * One input's batches, in input order. A reader thread reads (and decompresses) the input; line
 * batches are parsed by the shared workers, at most {@code inFlight} at a time, and handed out in the
 * order they were read. A document format is read on the reader thread itself.
 */
final class InputFeed {

    private final Input input;
    private final LogFormat format;
    private final ExecutorService workers;
    private final List<Filter> filters;
    private final ParseCounters counters;
    private final ParseOptions options;
    private final BlockingQueue<CompletableFuture<ParsedBatch>> batches;
    /**
     * Line batches the workers are done with, for the reader to fill again: a batch's arrays (about
     * 0.8 MB) are allocated and zeroed a few times per input, not once per 4096 lines.
     */
    private final BlockingQueue<LineBatch> spareLines;
    /** Distinct endpoints in the last batch parsed: a size hint for the next one's statistics. */
    private volatile int endpointHint;

    private final ThreadLocal<LineParser> parsers;
    private final int fileId;
    private final ThreadLocal<RecordEncoder> encoders;
    private final Thread reader;

    /**
     * @param fileId the store's id for this input when records are to be encoded for a store
     * @param encoders each thread's encoder for the store, or null to keep record objects
     */
    InputFeed(
            Input input,
            LogFormat format,
            ExecutorService workers,
            ParseCounters counters,
            ParseOptions options,
            int fileId,
            ThreadLocal<RecordEncoder> encoders) {
        this.fileId = fileId;
        this.encoders = encoders;
        this.input = input;
        this.format = format;
        this.workers = workers;
        this.filters = options.filters();
        this.counters = counters;
        this.options = options;
        this.batches = new ArrayBlockingQueue<>(options.batchesInFlight());
        this.spareLines = new ArrayBlockingQueue<>(options.batchesInFlight() + options.threads() + 1);
        this.parsers = format instanceof LineFormat line ? ThreadLocal.withInitial(line::newParser) : null;
        this.reader = new Thread(this::read, "parse-reader-" + input.name());
        this.reader.setDaemon(true);
    }

    InputFeed start() {
        reader.start();
        return this;
    }

    String name() {
        return input.name();
    }

    /** The next batch, {@link ParsedBatch#END} after the last; a failed read or parse throws. */
    ParsedBatch next() throws InterruptedException {
        try {
            return batches.take().get();
        } catch (ExecutionException e) {
            throw new InputFailedException(input.name(), e.getCause());
        }
    }

    private void read() {
        try (InputStream raw = input.opener().open();
                InputStream in = Decompression.wrap(new CountingInputStream(raw, counters.rawBytes))) {
            if (format instanceof LineFormat) {
                readLines(in);
            } else {
                DocumentBatches sink = new DocumentBatches();
                ((DocumentFormat) format).read(in, input.name(), sink);
                sink.flush();
            }
            put(CompletableFuture.completedFuture(ParsedBatch.END));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | StackOverflowError e) {
            try {
                put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Reads batches of lines as bytes and hands them to the workers, which make the strings: the reader
     * only splits and copies, so it keeps ahead of two parse workers.
     */
    private void readLines(InputStream in) throws Exception {
        LineReader reader = new LineReader(in, options.maxLineBytes());
        int size = options.batchLines();
        long first = 1;
        while (true) {
            LineBatch spare = spareLines.poll();
            LineBatch lines = spare != null ? spare : new LineBatch(size, size * 200);
            int count = reader.fill(lines, size);
            if (count == 0) {
                return;
            }
            long firstLine = first;
            put(CompletableFuture.supplyAsync(() -> parse(lines, firstLine), workers));
            first += count;
        }
    }

    private void put(CompletableFuture<ParsedBatch> batch) throws InterruptedException {
        batches.put(batch);
    }

    /**
     * Runs on a worker: parses, applies filters, counts, encodes (store mode) and sorts by start, then
     * hands the lines back to the reader (parsers copy what they keep).
     */
    private ParsedBatch parse(LineBatch lines, long firstLine) {
        try {
            ParsedBatch batch = parseLines(lines, firstLine);
            endpointHint = batch.stats.endpoints();
            return batch;
        } finally {
            spareLines.offer(lines);
        }
    }

    private ParsedBatch parseLines(LineBatch lines, long firstLine) {
        LineParser parser = parsers.get();
        RecordEncoder encoder = encoders == null ? null : encoders.get();
        int count = lines.size();
        ParsedBatch batch = new ParsedBatch(count, encoder != null, endpointHint);
        batch.lines = count;
        RequestRecord record = new RequestRecord();
        for (int i = 0; i < count; i++) {
            long lineNumber = firstLine + i;
            Rejection rejection = lines.tooLong(i)
                    ? Rejection.of(Rejection.Reason.TOO_LONG, "longer than " + options.maxLineBytes() + " bytes")
                    : parser.parse(lines, i, record.reset());
            if (rejection != null) {
                // The only place the pipeline needs the line as text: parsers read the bytes.
                batch.rejected.add(RejectedLine.of(input.name(), lineNumber, lines.line(i), rejection));
                continue;
            }
            record.source(input.name(), lineNumber);
            if (!skipped(record, batch)) {
                keep(record, batch, encoder);
                record = encoder == null ? new RequestRecord() : record;
            }
        }
        seal(batch, encoder);
        counters.linesRead.add(count);
        return batch;
    }

    /** Adds {@code record} to the batch: as an object, or encoded by {@code encoder} (store mode). */
    private void keep(RequestRecord record, ParsedBatch batch, RecordEncoder encoder) {
        String path = record.path();
        batch.stats.add(record.method(), path, record.startMicros());
        if (encoder != null) {
            encoder.encode(record, fileId);
        }
        batch.add(record, path, encoder == null ? 0 : encoder.position());
    }

    /** Gives a store-mode batch its bytes (one array per batch), then sorts the batch by start. */
    private static void seal(ParsedBatch batch, RecordEncoder encoder) {
        if (encoder != null) {
            batch.maxStringId = encoder.maxDictionaryId();
            batch.data = encoder.take();
        }
        batch.sortByStart();
    }

    private boolean skipped(RequestRecord record, ParsedBatch batch) {
        for (Filter filter : filters) {
            if (filter.skips(record)) {
                batch.skip(filter.name());
                return true;
            }
        }
        return false;
    }

    /** Collects a document format's entries into batches. */
    private final class DocumentBatches implements DocumentFormat.EntrySink {
        private static final int BATCH_ENTRIES = 1024;

        private final RecordEncoder encoder = encoders == null ? null : encoders.get();
        private ParsedBatch batch = new ParsedBatch(BATCH_ENTRIES, encoder != null, 0);

        @Override
        public void parsed(RequestRecord record) {
            batch.lines++;
            record.source(input.name(), record.sourceLine());
            if (!skipped(record, batch)) {
                keep(record, batch, encoder);
            }
            flushIfFull();
        }

        @Override
        public void rejected(long line, String text, Rejection why) {
            batch.lines++;
            batch.rejected.add(RejectedLine.of(input.name(), line, text, why));
            flushIfFull();
        }

        private void flushIfFull() {
            if (batch.lines >= BATCH_ENTRIES) {
                flush();
            }
        }

        private void flush() {
            seal(batch, encoder);
            counters.linesRead.add(batch.lines);
            try {
                put(CompletableFuture.completedFuture(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            batch = new ParsedBatch(BATCH_ENTRIES, encoder != null, batch.stats.endpoints());
        }
    }
}
