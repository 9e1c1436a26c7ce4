package dev.stampede.model.session;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts a time-ordered stream of (session key, start, endpoint) into sessions and reports them to a
 * {@link SessionListener}: starts, transitions with their think time (the gap between consecutive
 * request starts of a session), and ends. A session ends after the timeout without a request, when
 * more than {@code maxActive} are open (the least recently seen one), or at {@link #finish()}.
 *
 * <p>Memory: the open sessions only (key, last start, last endpoint, length), in recency order, so
 * expiry walks from the stalest. Single-threaded.
 */
public final class Sessionizer {

    private static final class Open {
        final long firstMicros;
        long lastMicros;
        int lastEndpoint;
        int length;

        Open(long firstMicros, int endpoint) {
            this.firstMicros = firstMicros;
            this.lastMicros = firstMicros;
            this.lastEndpoint = endpoint;
            this.length = 1;
        }
    }

    private final SessionOptions options;
    private final SessionListener listener;
    private final LinkedHashMap<String, Open> open = new LinkedHashMap<>(1024, 0.75f, true);
    private long endedEarly;
    private long lastSeenMicros = Long.MIN_VALUE;

    public Sessionizer(SessionOptions options, SessionListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** A request of session {@code key} to endpoint {@code endpoint} (an index), at {@code startMicros}. */
    public void add(String key, long startMicros, int endpoint) {
        long now = Math.max(startMicros, lastSeenMicros);
        lastSeenMicros = now;
        expire(now);
        Open session = open.get(key);
        if (session == null) {
            if (open.size() >= options.maxActive()) {
                Iterator<Map.Entry<String, Open>> stalest = open.entrySet().iterator();
                end(stalest.next().getValue());
                stalest.remove();
                endedEarly++;
            }
            open.put(key, new Open(startMicros, endpoint));
            listener.started(startMicros, endpoint);
            return;
        }
        listener.transition(session.lastEndpoint, endpoint, Math.max(0, startMicros - session.lastMicros));
        session.lastMicros = Math.max(session.lastMicros, startMicros);
        session.lastEndpoint = endpoint;
        session.length++;
    }

    private void expire(long now) {
        Iterator<Map.Entry<String, Open>> stalest = open.entrySet().iterator();
        while (stalest.hasNext()) {
            Open session = stalest.next().getValue();
            if (now - session.lastMicros <= options.timeoutMicros()) {
                return; // recency order: every later one was seen more recently
            }
            end(session);
            stalest.remove();
        }
    }

    private void end(Open session) {
        listener.ended(session.lastEndpoint, session.length, session.lastMicros - session.firstMicros);
    }

    /**
     * Ends the log at {@code endMicros}: a session idle for longer than the timeout has ended; every other
     * open one is reported as {@linkplain SessionListener#openAtLogEnd open at the log's end}.
     */
    public void finish(long endMicros) {
        for (Open session : open.values()) {
            long idle = endMicros - session.lastMicros;
            if (idle > options.timeoutMicros()) {
                end(session);
            } else {
                listener.openAtLogEnd(
                        session.lastEndpoint,
                        session.length,
                        Math.max(0, idle),
                        session.lastMicros - session.firstMicros);
            }
        }
        open.clear();
    }

    /** Ends every open session, as ended by its user. */
    public void finish() {
        for (Open session : open.values()) {
            end(session);
        }
        open.clear();
    }

    /** Sessions ended early because more than {@code maxActive} were open. */
    public long endedEarly() {
        return endedEarly;
    }
}
