package dev.stampede.engine.source;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What login responses tell the source, across threads: sessions whose login was answered while their
 * next request waited for it (handed from the event loop to the publishing thread, which drains them
 * before it picks the next request), and counts of failed logins and of logins whose response set no
 * session cookie. Thread-safe; one per source; touched once per login, never per request.
 */
final class LoginSignals {

    final SessionCookie cookie;
    final Queue<ModelSession> answered = new ConcurrentLinkedQueue<>();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong withoutCookie = new AtomicLong();

    LoginSignals(SessionCookie cookie) {
        this.cookie = cookie;
    }
}
