package dev.stampede.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import dev.stampede.engine.measure.RunEvents;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link LoopSender} does with a failed hand-over (shaped as a Disruptor exception handler): a
 * request whose hand-over to the pool threw (a bug, not a network failure: those are outcomes the pool
 * reports) still ends, counted as unsent, and the first few failures are written to the run's events,
 * so the counts add up and the cause is on record.
 */
final class SendFailures implements ExceptionHandler<RequestEvent> {

    private static final int EVENTS_KEPT = 10;

    private final RunCompletion completion;
    private final RunEvents events;
    private final dev.stampede.common.time.NanoClock clock;
    private final AtomicLong failures = new AtomicLong();

    SendFailures(RunCompletion completion, RunEvents events, dev.stampede.common.time.NanoClock clock) {
        this.completion = completion;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void handleEventException(Throwable failure, long sequence, RequestEvent event) {
        completion.handOverFailed(event.slot.endpoint, event.intendedNanos, clock.nanoTime());
        if (failures.incrementAndGet() <= EVENTS_KEPT) {
            events.add("internal error: a request could not be handed to the connection pool (counted unsent): "
                    + failure);
        }
    }

    @Override
    public void handleOnStartException(Throwable failure) {
        events.add("internal error: the sender did not start: " + failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
        events.add("internal error: the sender did not stop cleanly: " + failure);
    }
}
