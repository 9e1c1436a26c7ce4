package dev.stampede.engine.source;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions a replay's logins create, per replayed user: the recording's token (what the recorded
 * requests carry) to the token the target gave this run.
 *
 * <p>A login's send registers its sessions as pending ({@link #loginSent}, sender thread); its
 * response teaches the new token ({@link #learnFrom}, event loop); its end, however it ended, settles
 * them ({@link #loginEnded}) and runs the requests that waited for it. A later request looks its token
 * up ({@link #lookup}): known, it is used; pending, the request waits (a recorded user never sent
 * before their login was answered, so neither does the replay); unknown (the login was before the
 * window, or failed), the recorded token is sent. Thread-safe.
 *
 * <p>Bounded: at most {@link #MAX_SESSIONS} sessions are remembered; later logins are counted, their
 * sessions sent with the recorded token (which the target will most likely refuse, visibly).
 */
final class SessionTokens {

    static final int MAX_SESSIONS = 4_000_000;

    /** What {@link #lookup} says when the request was queued behind its session's login. */
    static final String WAITING = new String("(waiting for the login)");

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong learned = new AtomicLong();
    private final AtomicLong notLearned = new AtomicLong();
    private final AtomicLong failedLogins = new AtomicLong();
    private final AtomicLong forgotten = new AtomicLong();
    private final AtomicLong waited = new AtomicLong();

    /** One replayed session: its token once learned, and the requests waiting for its login to end. */
    private static final class Session {
        volatile String token;
        private boolean ended;
        private List<Runnable> waiting;

        /** Queues {@code request} unless the login already ended; true when queued. */
        synchronized boolean await(Runnable request) {
            if (ended) {
                return false;
            }
            if (waiting == null) {
                waiting = new ArrayList<>(2);
            }
            waiting.add(request);
            return true;
        }

        synchronized List<Runnable> end() {
            ended = true;
            List<Runnable> released = waiting == null ? List.of() : waiting;
            waiting = null;
            return released;
        }
    }

    /** A login of {@code user} is being sent that creates these sessions (cookie name, recorded token pairs). */
    void loginSent(int user, String[] created) {
        for (int i = 0; i < created.length; i += 2) {
            String key = key(user, created[i], created[i + 1]);
            if (sessions.size() >= MAX_SESSIONS && !sessions.containsKey(key)) {
                forgotten.incrementAndGet();
                continue;
            }
            Session previous = sessions.put(key, new Session());
            if (previous != null) { // the same recorded session logged in again: release its waiters
                previous.end().forEach(Runnable::run);
            }
        }
    }

    /**
     * The token to send for user {@code user}'s recorded session {@code recorded}: the learned one; or
     * {@link #WAITING} when its login has not ended yet (then {@code whenSettled} runs once it has, on
     * the thread that learns it); or null when no replayed login creates it.
     */
    String lookup(int user, String cookie, String recorded, Runnable whenSettled) {
        Session session = sessions.get(key(user, cookie, recorded));
        if (session == null) {
            return null;
        }
        String token = session.token;
        if (token != null) {
            return token;
        }
        if (session.await(whenSettled)) {
            waited.incrementAndGet();
            return WAITING;
        }
        return session.token; // ended meanwhile: learned, or null when the login failed
    }

    /** The token learned for a session, or null. */
    String token(int user, String cookie, String recorded) {
        Session session = sessions.get(key(user, cookie, recorded));
        return session == null ? null : session.token;
    }

    /** Learns from a login's response the new token of each session it created (event loop). */
    void learnFrom(int user, String[] created, int status, HttpHeaders headers) {
        boolean any = false;
        for (String header : headers.getAll(HttpHeaderNames.SET_COOKIE)) {
            Cookie cookie = ClientCookieDecoder.LAX.decode(header);
            if (cookie == null || cookie.value().isEmpty()) {
                continue;
            }
            for (int i = 0; i < created.length; i += 2) {
                if (created[i].equals(cookie.name())) {
                    Session session = sessions.get(key(user, created[i], created[i + 1]));
                    if (session != null) {
                        session.token = cookie.value();
                        learned.incrementAndGet();
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            (status >= 200 && status < 400 ? notLearned : failedLogins).incrementAndGet();
        }
    }

    /** The login ended (any outcome): the requests waiting for its sessions go now. */
    void loginEnded(int user, String[] created) {
        for (int i = 0; i < created.length; i += 2) {
            Session session = sessions.get(key(user, created[i], created[i + 1]));
            if (session != null) {
                session.end().forEach(Runnable::run);
            }
        }
    }

    /** Sessions learned. */
    long learned() {
        return learned.get();
    }

    /** Successful responses to recorded logins that set no session cookie this time. */
    long notLearned() {
        return notLearned.get();
    }

    /** Recorded logins that failed this time (status 4xx or 5xx, no session). */
    long failedLogins() {
        return failedLogins.get();
    }

    /** Sessions not remembered because the table was full. */
    long forgotten() {
        return forgotten.get();
    }

    /** Requests that waited for their session's login to be answered. */
    long waited() {
        return waited.get();
    }

    private static String key(int user, String cookie, String recorded) {
        return user + "\u0000" + cookie + "\u0000" + recorded;
    }
}
