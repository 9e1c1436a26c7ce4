package dev.stampede.logparser.pipeline;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.util.PriorityQueue;

/**
 * One input's records in start-time order: a bounded reorder buffer over its feed. A record is released
 * once the feed has shown a record {@code windowMicros} later (or at the end); a record older than one
 * already released is rejected as out of order. Equal times keep input order. Single-threaded.
 */
final class OrderedInput {

    private record Buffered(RequestRecord record, long sequence) {}

    private final InputFeed feed;
    private final long windowMicros;
    private final JobTally tally;
    private final PriorityQueue<Buffered> buffer = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare(a.record.startMicros(), b.record.startMicros());
        return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    });
    private long sequence;
    private long maxSeen = Long.MIN_VALUE;
    private long lastReleased = Long.MIN_VALUE;
    private boolean ended;

    OrderedInput(InputFeed feed, long windowMicros, JobTally tally) {
        this.feed = feed;
        this.windowMicros = windowMicros;
        this.tally = tally;
    }

    /** The next record in time order without taking it, or {@code null} when the input is done. */
    RequestRecord peek() throws InterruptedException {
        while (true) {
            Buffered head = buffer.peek();
            if (head != null && (ended || head.record.startMicros() <= maxSeen - windowMicros)) {
                return head.record;
            }
            if (ended) {
                return null;
            }
            pull();
        }
    }

    /** Takes the record {@link #peek()} returned. */
    RequestRecord take() {
        RequestRecord record = buffer.poll().record;
        lastReleased = record.startMicros();
        return record;
    }

    private void pull() throws InterruptedException {
        ParsedBatch batch = feed.next();
        if (batch == ParsedBatch.END) {
            ended = true;
            return;
        }
        tally.batch(feed.name(), batch);
        for (RequestRecord record : batch.records) {
            if (record.startMicros() < lastReleased) {
                tally.rejected(RejectedLine.of(
                        record.sourceFile(),
                        record.sourceLine(),
                        record.toString(),
                        new Rejection(
                                Rejection.Reason.OUT_OF_ORDER,
                                null,
                                0,
                                "starts " + (lastReleased - record.startMicros()) / 1000
                                        + " ms before a record already written; raise --reorder-window")));
                continue;
            }
            buffer.add(new Buffered(record, sequence++));
            maxSeen = Math.max(maxSeen, record.startMicros());
        }
    }
}
