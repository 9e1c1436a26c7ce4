package dev.stampede.engine.source;

import dev.stampede.engine.http.ResponseListener;
import dev.stampede.model.pool.TestAccount;
import io.netty.handler.codec.http.HttpHeaders;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;

/**
 * One open session of a {@link ModelSource}: where its walk is (the endpoint of its next request and
 * when that is due), its own random stream (so what a session does depends only on the seed and its
 * number, not on how sessions interleave or on rate changes), its test account, and its login.
 *
 * <p><b>Threads.</b> The walk fields belong to the publishing thread. The login is shared: the session
 * is the login request's {@link ResponseListener}, called on the event loop; it stores the session
 * cookie ({@link #token}, read by the sender thread when it builds a later request) and moves the login
 * state, whose compare-and-set with the publishing thread decides whether a waiting request must be
 * woken. One object per session, never recycled: a ring slot or a late login response may still hold it.
 */
final class ModelSession implements ResponseListener {

    static final int LOGIN_NOT_SENT = 0;
    static final int LOGIN_SENT = 1;
    /** The session's next request waits for the login response. */
    static final int LOGIN_WAITED_FOR = 2;
    /** The wait ended without a response: the session went on without a token. */
    static final int LOGIN_GIVEN_UP = 3;

    static final int LOGIN_ANSWERED = 4;

    private static final VarHandle LOGIN_STATE;

    static {
        try {
            LOGIN_STATE = MethodHandles.lookup().findVarHandle(ModelSession.class, "loginState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long number;
    final SplittableRandom random;
    final TestAccount account;
    private final LoginSignals signals;

    // Publishing thread only.
    /** The endpoint of the session's next request. */
    int endpoint;
    /** When the next request is due, in nanoseconds from the source's start. */
    long dueNanos;
    /** Position in the heap of open sessions, -1 when not in it. */
    int heapIndex = -1;
    /** Requests sent so far. */
    int length;
    /** The walk's entry, still to come after a login the source put in front of it; else -1. */
    int entryAfterLogin = -1;
    /** The next request is the first after the session's login and may have to wait for it. */
    boolean afterLogin;
    /** Re-keyed to the give-up time while waiting for the login response. */
    boolean waiting;
    /** When the waiting request was due before it waited. */
    long dueBeforeWait;

    private volatile int loginState;
    /** The {@code Cookie} header value the login gave, or null (written on the event loop). */
    volatile String token;

    ModelSession(long number, SplittableRandom random, TestAccount account, LoginSignals signals) {
        this.number = number;
        this.random = random;
        this.account = account;
        this.signals = signals;
    }

    int loginState() {
        return loginState;
    }

    void loginSent() {
        if (loginState == LOGIN_NOT_SENT) {
            loginState = LOGIN_SENT;
        }
    }

    /** Moves the login state from {@code expected} to {@code next}; false when a response came first. */
    boolean moveLogin(int expected, int next) {
        return LOGIN_STATE.compareAndSet(this, expected, next);
    }

    /**
     * A login response (event loop): keeps the session cookie of a 2xx response, counts failures and
     * responses without the cookie, and wakes the session's waiting request. Must not block.
     */
    @Override
    public void onResponse(int status, HttpHeaders headers) {
        if (status >= 200 && status < 300) {
            String captured = signals.cookie.capture(headers);
            if (captured != null) {
                token = captured;
            } else {
                signals.withoutCookie.incrementAndGet();
            }
        } else {
            signals.failed.incrementAndGet();
        }
        int before = (int) LOGIN_STATE.getAndSet(this, LOGIN_ANSWERED);
        if (before == LOGIN_WAITED_FOR) {
            signals.answered.offer(this);
        }
    }
}
