package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.Rejection;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * One input's records in start-time order: a bounded reorder buffer over its feed. A record is released
 * once the feed has shown a record {@code windowMicros} later (or at the end); a record older than one
 * already released is rejected as out of order. Equal times keep input order (source line order).
 *
 * <p>Logs are mostly sorted, so records that arrive in order go to a FIFO run (constant time) and only
 * late ones to a heap; the next record is the smaller head of the two. Single-threaded.
 */
final class OrderedInput {

    private static final Comparator<Item> ORDER = (a, b) -> {
        int byTime = Long.compare(a.startMicros, b.startMicros);
        return byTime != 0 ? byTime : Long.compare(a.sourceLine, b.sourceLine);
    };

    private final InputFeed feed;
    private final long windowMicros;
    private final JobTally tally;
    private final RecordStats stats;
    private final ArrayDeque<Item> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Item> late = new PriorityQueue<>(ORDER);
    private long maxSeen = Long.MIN_VALUE;
    private long lastReleased = Long.MIN_VALUE;
    private boolean ended;

    OrderedInput(InputFeed feed, long windowMicros, JobTally tally, RecordStats stats) {
        this.feed = feed;
        this.windowMicros = windowMicros;
        this.tally = tally;
        this.stats = stats;
    }

    /** The next record in time order without taking it, or {@code null} when the input is done. */
    Item peek() throws InterruptedException {
        while (true) {
            Item head = head();
            if (head != null && (ended || head.startMicros <= maxSeen - windowMicros)) {
                return head;
            }
            if (ended) {
                return null;
            }
            pull();
        }
    }

    /** Takes the record {@link #peek()} returned. */
    Item take() {
        Item record = head();
        if (record == inOrder.peekFirst()) {
            inOrder.pollFirst();
        } else {
            late.poll();
        }
        lastReleased = record.startMicros;
        return record;
    }

    private Item head() {
        Item a = inOrder.peekFirst();
        Item b = late.peek();
        if (a == null) {
            return b;
        }
        return b == null || ORDER.compare(a, b) <= 0 ? a : b;
    }

    private void pull() throws InterruptedException {
        ParsedBatch batch = feed.next();
        if (batch == ParsedBatch.END) {
            ended = true;
            return;
        }
        tally.batch(feed.name(), batch);
        stats.merge(batch.stats);
        for (Item record : batch.items) {
            long start = record.startMicros;
            if (start < lastReleased) {
                stats.subtract(record);
                tally.rejected(RejectedLine.of(
                        record.source,
                        record.sourceLine,
                        record.toString(),
                        new Rejection(
                                Rejection.Reason.OUT_OF_ORDER,
                                null,
                                0,
                                "starts " + (lastReleased - start) / 1000
                                        + " ms before a record already written; raise --reorder-window")));
                continue;
            }
            Item tail = inOrder.peekLast();
            if (tail == null || ORDER.compare(tail, record) <= 0) {
                inOrder.addLast(record);
            } else {
                late.add(record);
            }
            maxSeen = Math.max(maxSeen, start);
        }
    }
}
