package dev.stampede.engine.pipeline;

import dev.stampede.engine.http.Completion;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.SendResult;
import dev.stampede.engine.journal.ResultJournal;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.RunMetrics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every request of a run ends: its outcome recorded against its intended send time ({@link
 * RunMetrics}), written to the result journal when there is one (with the trace id its {@code
 * traceparent} carried), and counted, so the run knows when all it published has ended. Called on the
 * event loops (and on the sending thread for refusals); no allocation, no lock.
 */
final class RunCompletion implements Completion {

    private final RunMetrics metrics;
    private final ResultJournal journal;
    private final AtomicLong completed = new AtomicLong();
    private Runnable onEnd = () -> {};

    /** @param journal the result journal, or null for none */
    RunCompletion(RunMetrics metrics, ResultJournal journal) {
        this.metrics = metrics;
        this.journal = journal;
    }

    /**
     * What every end does after it is counted (flat out: let the releaser send the next request). Set
     * once, before the first request is sent.
     */
    void onEachEnd(Runnable action) {
        this.onEnd = action;
    }

    @Override
    public void done(
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long bodyBytes,
            SendResult result) {
        done(null, endpoint, intendedNanos, sentNanos, doneNanos, status, bodyBytes, result);
    }

    @Override
    public void done(
            RequestTemplate request,
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long bodyBytes,
            SendResult result) {
        Outcome outcome = Outcomes.of(result, status);
        end(request, endpoint, intendedNanos, sentNanos, doneNanos, status, bodyBytes, outcome);
    }

    /** A request whose hand-over to the pool failed (a bug, counted as unsent): it still ends, once. */
    void handOverFailed(int endpoint, long intendedNanos, long nowNanos) {
        end(null, endpoint, intendedNanos, NOT_SENT, nowNanos, 0, 0, Outcome.UNSENT_STOPPED);
    }

    private void end(
            RequestTemplate request,
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long bodyBytes,
            Outcome outcome) {
        long sentAt = sentNanos == NOT_SENT ? doneNanos : sentNanos;
        metrics.record(endpoint, intendedNanos, sentAt, doneNanos, outcome);
        if (journal != null) {
            journal.record(
                    endpoint,
                    intendedNanos,
                    sentNanos,
                    doneNanos,
                    status,
                    bodyBytes,
                    outcome,
                    request == null ? 0 : request.traceHigh(),
                    request == null ? 0 : request.traceLow());
        }
        completed.incrementAndGet();
        onEnd.run();
    }

    /** Requests ended so far. */
    long completed() {
        return completed.get();
    }
}
