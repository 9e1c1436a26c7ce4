package dev.stampede.testbed.gateway;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.data.Account;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions shared by all gateway instances (as a Redis behind several gateways would be), so the LB
 * may send each request of a session to any gateway. A session expires after {@code idleTimeoutNanos}
 * without a request. Thread-safe.
 */
public final class SessionStore {

    /** An authenticated session. */
    public record Session(String token, Account account) {}

    private static final int SWEEP_EVERY_OPENS = 1024;

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final NanoClock clock;
    private final long idleTimeoutNanos;

    public SessionStore(NanoClock clock, long idleTimeoutNanos) {
        this.clock = clock;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** Opens a session for {@code account} and returns it with a fresh, unguessable token. */
    public Session open(Account account) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Session session = new Session(HexFormat.of().formatHex(bytes), account);
        long now = clock.nanoTime();
        sessions.put(session.token(), new Entry(session, now));
        if (opened.incrementAndGet() % SWEEP_EVERY_OPENS == 0) {
            // Sessions abandoned without a logout would otherwise pile up for the whole run.
            sessions.values().removeIf(entry -> now - entry.lastSeenNanos > idleTimeoutNanos);
        }
        return session;
    }

    /** The live session for {@code token}, touched; {@code null} when unknown or expired. */
    public Session touch(String token) {
        if (token == null) {
            return null;
        }
        long now = clock.nanoTime();
        Entry entry = sessions.get(token);
        if (entry == null) {
            return null;
        }
        if (now - entry.lastSeenNanos > idleTimeoutNanos) {
            sessions.remove(token, entry);
            return null;
        }
        entry.lastSeenNanos = now;
        return entry.session;
    }

    /** Ends the session; false when there was none. */
    public boolean close(String token) {
        return token != null && sessions.remove(token) != null;
    }

    /** Sessions currently held (expired ones are dropped when next touched, and swept every 1024 logins). */
    public int size() {
        return sessions.size();
    }

    private static final class Entry {
        final Session session;
        volatile long lastSeenNanos;

        Entry(Session session, long lastSeenNanos) {
            this.session = session;
            this.lastSeenNanos = lastSeenNanos;
        }
    }
}
