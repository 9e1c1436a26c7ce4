package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.measure.RunEvents;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the {@link LoopReleaser} does with a failure that is a bug or a broken source, not a network
 * failure (those are outcomes the pool reports): a request whose build or hand-over to the pool threw
 * still ends, counted as unsent; a source that throws ends the schedule. The first few failures are
 * written to the run's events, so the counts add up and the cause is on record.
 */
final class SendFailures {

    private static final int EVENTS_KEPT = 10;

    private final RunCompletion completion;
    private final RunEvents events;
    private final NanoClock clock;
    private final AtomicLong failures = new AtomicLong();

    SendFailures(RunCompletion completion, RunEvents events, NanoClock clock) {
        this.completion = completion;
        this.events = events;
        this.clock = clock;
    }

    /** A released request could not be built or handed to the pool: it ends now, unsent. */
    void handOverFailed(Throwable failure, int endpoint, long intendedNanos) {
        completion.handOverFailed(endpoint, intendedNanos, clock.nanoTime());
        if (failures.incrementAndGet() <= EVENTS_KEPT) {
            events.add("internal error: a request could not be handed to the connection pool (counted unsent): "
                    + failure);
        }
    }

    /** The source failed to give the next request: the schedule ends here. */
    void sourceFailed(Throwable failure) {
        events.add("the request source failed; nothing more was sent: " + failure);
    }
}
