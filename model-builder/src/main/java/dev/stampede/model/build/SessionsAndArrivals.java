package dev.stampede.model.build;

import dev.stampede.model.arrival.ArrivalAnalyzer;
import dev.stampede.model.session.SessionListener;
import dev.stampede.model.session.SessionStats;

/**
 * What the model builder does with the sessions the sessionizer finds: each one's start, transitions
 * and end go to the session statistics, and its start is also an arrival (sessions arrive; requests
 * follow within them). Public for the benchmarks, which measure this path on its own.
 */
public final class SessionsAndArrivals implements SessionListener {

    private final SessionStats stats;
    private final ArrivalAnalyzer arrivals;

    public SessionsAndArrivals(SessionStats stats, ArrivalAnalyzer arrivals) {
        this.stats = stats;
        this.arrivals = arrivals;
    }

    @Override
    public void started(long startMicros, int endpoint) {
        stats.started(startMicros, endpoint);
        arrivals.addSessionStart(startMicros);
    }

    @Override
    public void transition(int from, int to, long thinkMicros) {
        stats.transition(from, to, thinkMicros);
    }

    @Override
    public void ended(int lastEndpoint, int length, long durationMicros) {
        stats.ended(lastEndpoint, length, durationMicros);
    }

    @Override
    public void openAtLogEnd(int lastEndpoint, int length, long idleMicros, long durationMicros) {
        stats.openAtLogEnd(lastEndpoint, length, idleMicros, durationMicros);
    }
}
