package dev.stampede.logparser.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.logparser.LogFormat;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.store.RecordEncoder;
import dev.stampede.logparser.store.RecordStoreWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Parses inputs into one start-time-ordered stream of records, handed to a sink (the record store),
 * and accounts for every line. Progress is reported about once a second while it runs.
 */
public final class ParseJob {

    private final LogFormat format;
    private final ParseOptions options;
    private final NanoClock clock;

    public ParseJob(LogFormat format, ParseOptions options, NanoClock clock) {
        this.format = format;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Runs to the end of every input.
     *
     * @param sink receives records in start-time order (it may keep them)
     * @param progress told about progress about once a second (from another thread)
     * @throws InputFailedException when an input cannot be read
     */
    public ParseSummary run(List<Input> inputs, Consumer<RequestRecord> sink, Consumer<ParseProgress> progress)
            throws InterruptedException {
        return run(
                inputs,
                input -> -1,
                null,
                (batch, from, to) -> {
                    for (int i = from; i < to; i++) {
                        sink.accept(batch.records[i]);
                    }
                },
                progress);
    }

    /**
     * Runs to the end of every input, writing records to {@code store} in start-time order. Records are
     * encoded on the parse workers, so the merge only orders and copies bytes.
     *
     * @throws InputFailedException when an input cannot be read
     */
    public ParseSummary run(List<Input> inputs, RecordStoreWriter store, Consumer<ParseProgress> progress)
            throws InterruptedException {
        return run(
                inputs,
                input -> store.registerFile(input.name()),
                ThreadLocal.withInitial(store::newEncoder),
                (batch, from, to) -> store.appendEncoded(batch.data, batch.offsets, from, to, batch.maxStringId),
                progress);
    }

    private ParseSummary run(
            List<Input> inputs,
            ToIntFunction<Input> fileIds,
            ThreadLocal<RecordEncoder> encoders,
            OrderedInput.RangeSink sink,
            Consumer<ParseProgress> progress)
            throws InterruptedException {
        long startNanos = clock.nanoTime();
        ParseCounters counters = new ParseCounters();
        JobTally tally = new JobTally(options.rejectionSamples());
        RecordStats stats = new RecordStats();
        long totalBytes = inputs.stream().mapToLong(Input::sizeBytes).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        AtomicInteger workerIndex = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread thread = new Thread(task, "parse-worker-" + workerIndex.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parse-progress");
            thread.setDaemon(true);
            return thread;
        });
        ProgressTicker progressTicker = new ProgressTicker(counters, totalBytes, startNanos, clock, progress);
        ticker.scheduleAtFixedRate(progressTicker, 1, 1, TimeUnit.SECONDS);
        try {
            List<OrderedInput> ordered = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Input input : inputs) {
                tally.inputs.put(input.name(), new JobTally.InputTally());
                InputFeed feed = new InputFeed(
                                input, format, workers, counters, options, fileIds.applyAsInt(input), encoders)
                        .start();
                ordered.add(new OrderedInput(feed, options.reorderWindowMicros(), tally, stats));
                names.add(input.name());
            }
            merge(ordered, (batch, from, to) -> {
                sink.accept(batch, from, to);
                stats.written(batch.starts[from], batch.starts[to - 1]);
            });
            tallyWritten(tally, names, ordered);
        } finally {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
        double elapsed = Math.max(1e-9, (clock.nanoTime() - startNanos) / 1e9);
        return summary(tally, stats, elapsed, counters.rawBytes.get());
    }

    private static void tallyWritten(JobTally tally, List<String> names, List<OrderedInput> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            tally.written(names.get(i), inputs.get(i).released());
        }
    }

    /**
     * Emits the inputs' records in start-time order (ties: the earlier input first), a range at a time:
     * the input holding the earliest record releases all it can before the next input's earliest.
     */
    private static void merge(List<OrderedInput> inputs, OrderedInput.RangeSink sink) throws InterruptedException {
        record Head(OrderedInput input, int index, long start) {}
        PriorityQueue<Head> heads =
                new PriorityQueue<>(Comparator.comparingLong(Head::start).thenComparingInt(Head::index));
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).ready()) {
                heads.add(new Head(inputs.get(i), i, inputs.get(i).headStart()));
            }
        }
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            Head next = heads.peek();
            long bound = Long.MAX_VALUE;
            if (next != null) {
                // The next input's record at the same time goes first only if that input comes first.
                bound = next.index() > head.index() ? next.start() + 1 : next.start();
            }
            head.input().emit(bound, sink);
            if (head.input().ready()) {
                heads.add(new Head(head.input(), head.index(), head.input().headStart()));
            }
        }
    }

    private ParseSummary summary(JobTally tally, RecordStats stats, double elapsedSeconds, long bytes) {
        Map<String, Map<String, Long>> inputs = new LinkedHashMap<>();
        tally.inputs.forEach((name, t) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("lines", t.lines);
            counts.put("parsed", t.parsed);
            counts.put("rejected", t.rejected);
            counts.put("skipped", t.skipped);
            inputs.put(name, counts);
        });
        boolean any = stats.first != Long.MIN_VALUE;
        return new ParseSummary(
                format.describe(),
                format instanceof dev.stampede.logparser.DocumentFormat ? "entries" : "lines",
                tally.lines,
                tally.parsed,
                tally.rejected,
                Collections.unmodifiableMap(new TreeMap<>(tally.rejectedByReason)),
                tally.skipped,
                Collections.unmodifiableMap(new TreeMap<>(tally.skippedByFilter)),
                inputs,
                any ? stats.first : null,
                any ? stats.last : null,
                stats.peakPerSecond(),
                any ? stats.peakSecondMicros() : null,
                stats.distinctPaths(),
                stats.capped,
                stats.top(20),
                elapsedSeconds,
                tally.lines / elapsedSeconds,
                bytes / 1e6 / elapsedSeconds,
                List.copyOf(tally.samples));
    }

    /** Samples the counters once a second. */
    private static final class ProgressTicker implements Runnable {
        private final ParseCounters counters;
        private final long totalBytes;
        private final long startNanos;
        private final NanoClock clock;
        private final Consumer<ParseProgress> listener;
        private long lastLines;
        private long lastBytes;
        private long lastNanos;

        ProgressTicker(
                ParseCounters counters,
                long totalBytes,
                long startNanos,
                NanoClock clock,
                Consumer<ParseProgress> listener) {
            this.counters = counters;
            this.totalBytes = totalBytes;
            this.startNanos = startNanos;
            this.clock = clock;
            this.listener = listener;
            this.lastNanos = startNanos;
        }

        @Override
        public void run() {
            long now = clock.nanoTime();
            long lines = counters.linesRead.sum();
            long bytes = counters.rawBytes.get();
            double interval = Math.max(1e-9, (now - lastNanos) / 1e9);
            listener.accept(new ParseProgress(
                    lines,
                    (lines - lastLines) / interval,
                    bytes,
                    totalBytes,
                    (bytes - lastBytes) / 1e6 / interval,
                    (now - startNanos) / 1e9));
            lastLines = lines;
            lastBytes = bytes;
            lastNanos = now;
        }
    }
}
