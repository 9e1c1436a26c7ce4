package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * One input's records in start-time order: a bounded reorder buffer over its feed. A record is released
 * once the feed has shown a record {@code windowMicros} later (or at the end); a record older than one
 * already released is rejected as out of order. Equal times keep input order (source line order).
 *
 * <p>Each batch arrives sorted (the worker sorted it), so the buffer is a few sorted runs, and records
 * leave in ranges of a run: a mostly sorted log costs the merge thread a comparison per batch, not per
 * record. Single-threaded.
 */
final class OrderedInput {

    /** Receives released records: {@code batch}'s records {@code from} (inclusive) to {@code to}. */
    interface RangeSink {
        void accept(ParsedBatch batch, int from, int to);
    }

    /** A batch and how far it has been released; runs are kept in arrival (line) order. */
    private static final class Run {
        final ParsedBatch batch;
        int next;

        Run(ParsedBatch batch, int next) {
            this.batch = batch;
            this.next = next;
        }

        long head() {
            return batch.starts[next];
        }
    }

    private final InputFeed feed;
    private final long windowMicros;
    private final JobTally tally;
    private final RecordStats stats;
    private final List<Run> runs = new ArrayList<>();
    private long maxSeen = Long.MIN_VALUE;
    private long lastReleased = Long.MIN_VALUE;
    private boolean ended;
    private long releasedCount;

    OrderedInput(InputFeed feed, long windowMicros, JobTally tally, RecordStats stats) {
        this.feed = feed;
        this.windowMicros = windowMicros;
        this.tally = tally;
        this.stats = stats;
    }

    /**
     * Reads on until the next record in time order may be released; false when the input is done. After
     * true, {@link #headStart()} is that record's start.
     */
    boolean ready() throws InterruptedException {
        while (true) {
            Run first = firstRun();
            if (first != null && first.head() <= releaseLimit()) {
                return true;
            }
            if (ended) {
                return false;
            }
            pull();
        }
    }

    /** The start of the record {@link #ready()} found. */
    long headStart() {
        return firstRun().head();
    }

    /**
     * Releases records in time order, at least the one {@link #ready()} found, and goes on while the next
     * may be released and starts before {@code boundExclusive}.
     */
    void emit(long boundExclusive, RangeSink sink) {
        boolean first = true;
        while (true) {
            int index = firstRunIndex();
            if (index < 0) {
                return;
            }
            Run run = runs.get(index);
            long end = Math.min(boundExclusive, exclusive(releaseLimit()));
            for (int k = 0; k < runs.size(); k++) {
                if (k != index) {
                    long head = runs.get(k).head();
                    // An earlier run's record goes first on a tie; this run's goes first before a later run.
                    end = Math.min(end, k > index ? exclusive(head) : head);
                }
            }
            long[] starts = run.batch.starts;
            int from = run.next;
            int to = from;
            while (to < run.batch.size && starts[to] < end) {
                to++;
            }
            if (to == from) {
                if (first) {
                    throw new IllegalStateException("emit called without a releasable record");
                }
                return;
            }
            first = false;
            sink.accept(run.batch, from, to);
            lastReleased = starts[to - 1];
            releasedCount += to - from;
            run.next = to;
            if (to == run.batch.size) {
                runs.remove(index);
            }
        }
    }

    /** Records released so far. */
    long released() {
        return releasedCount;
    }

    private long releaseLimit() {
        return ended ? Long.MAX_VALUE : maxSeen - windowMicros;
    }

    private static long exclusive(long inclusive) {
        return inclusive == Long.MAX_VALUE ? Long.MAX_VALUE : inclusive + 1;
    }

    private Run firstRun() {
        int index = firstRunIndex();
        return index < 0 ? null : runs.get(index);
    }

    /** The run holding the next record in time order (ties: the earliest run). */
    private int firstRunIndex() {
        int best = -1;
        long bestStart = Long.MAX_VALUE;
        for (int k = 0; k < runs.size(); k++) {
            long head = runs.get(k).head();
            if (best < 0 || head < bestStart) {
                best = k;
                bestStart = head;
            }
        }
        return best;
    }

    private void pull() throws InterruptedException {
        ParsedBatch batch = feed.next();
        if (batch == ParsedBatch.END) {
            ended = true;
            return;
        }
        tally.batch(feed.name(), batch);
        stats.merge(batch.stats);
        // The batch is sorted: what starts before a record already released is a prefix of it.
        int late = 0;
        while (late < batch.size && batch.starts[late] < lastReleased) {
            stats.subtract(batch.methods[late], batch.paths[late], batch.starts[late]);
            tally.rejected(RejectedLine.of(
                    feed.name(),
                    batch.sourceLines[late],
                    batch.describe(feed.name(), late),
                    new Rejection(
                            Rejection.Reason.OUT_OF_ORDER,
                            null,
                            0,
                            "starts " + (lastReleased - batch.starts[late]) / 1000
                                    + " ms before a record already written; raise --reorder-window")));
            late++;
        }
        if (late < batch.size) {
            runs.add(new Run(batch, late));
            maxSeen = Math.max(maxSeen, batch.starts[batch.size - 1]);
        }
    }
}
