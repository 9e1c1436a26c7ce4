package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccount;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The model source's one timeline: the open sessions in a {@link SessionHeap} by the due time of their
 * next request, next to the pending arrival of {@link SessionArrivals}. {@link #nextDue} takes whichever
 * is due first (a session before an arrival due at the same time), starts arriving sessions (unless
 * the cap of open sessions is reached: then the arrival is counted and dropped), holds a session's
 * first request after its login until the login is answered or the wait runs out, and ends at the
 * duration. {@link #walkOn} moves a session to its next request or ends it.
 *
 * <p>Times are nanoseconds from the start. Every key that enters the heap is at or after the last
 * time returned (think times are not negative, a wait ends later, a woken session is due no earlier
 * than the last time returned), and so is the pending arrival, so the times returned never decrease.
 *
 * <p>Publishing thread only, except the login answers, which arrive through {@link LoginSignals}.
 */
final class SessionTimeline {

    /** What {@link #nextDue} returns when nothing more is due before the end. */
    static final long ENDED = -1;

    private final SessionWalk walk;
    private final int login;
    private final LoginSignals signals;
    private final List<TestAccount> accounts;
    private final ModelSourceOptions options;
    private final long thinkCapNanos;
    private final SessionHeap open = new SessionHeap();
    private final SessionArrivals arrivals;
    private final SplittableRandom sessionSeeds;

    private ModelSession current;
    private long lastDueNanos;
    private long started;
    private long notStarted;
    private long finished;
    private long loginsGivenUp;

    /**
     * @param login the login endpoint's index, or -1
     * @param signals login answers (null without a login)
     * @param sessionsPerSecond the starting arrival rate
     * @param thinkCapNanos the longest think time (the model's session timeout)
     */
    SessionTimeline(
            SessionWalk walk,
            int login,
            LoginSignals signals,
            List<TestAccount> accounts,
            ModelSourceOptions options,
            double sessionsPerSecond,
            long thinkCapNanos) {
        this.walk = walk;
        this.login = login;
        this.signals = signals;
        this.accounts = accounts;
        this.options = options;
        this.thinkCapNanos = thinkCapNanos;
        SplittableRandom root = new SplittableRandom(options.seed());
        this.arrivals = new SessionArrivals(
                options.arrivals() == ModelSourceOptions.Arrivals.POISSON, root.split(), sessionsPerSecond);
        this.sessionSeeds = root.split();
    }

    /** Changes the arrival rate from the last time returned (see {@link SessionArrivals#retime}). */
    void retime(double sessionsPerSecond) {
        arrivals.retime(sessionsPerSecond, lastDueNanos);
    }

    /**
     * The pending session arrival when it comes before every open session's next request (nanoseconds
     * from the start; {@code Long.MAX_VALUE} while nothing arrives), else -1.
     */
    long arrivalIfFirst() {
        ModelSession first = open.peek();
        long arrival = arrivals.pending();
        return first == null || arrival < first.dueNanos ? arrival : -1;
    }

    /** The due time of the latest request returned, nanoseconds from the start. */
    long lastDueNanos() {
        return lastDueNanos;
    }

    /**
     * The due time of the next request, whose session is then {@link #current()} (its {@code endpoint}
     * says where), or {@link #ENDED}. Hot path: no allocation but an arriving session.
     */
    long nextDue() {
        if (signals != null) {
            wakeAnswered();
        }
        while (true) {
            ModelSession first = open.peek();
            long arrival = arrivals.pending();
            boolean arrives = first == null || arrival < first.dueNanos;
            long due = arrives ? arrival : first.dueNanos;
            if (due >= options.durationNanos()) {
                return ENDED;
            }
            if (arrives) {
                arrivals.take();
                if (open.size() >= options.maxOpenSessions()) {
                    notStarted++;
                    continue;
                }
                current = startSession();
            } else {
                current = open.poll();
                if (current.afterLogin && !mayGoOn(current, due)) {
                    continue;
                }
            }
            lastDueNanos = due;
            return due;
        }
    }

    /** The session of the request {@link #nextDue} returned. */
    ModelSession current() {
        return current;
    }

    /** Re-times sessions whose login was answered while they waited: due now, or when they were due. */
    private void wakeAnswered() {
        for (ModelSession s = signals.answered.poll(); s != null; s = signals.answered.poll()) {
            if (s.waiting && s.heapIndex >= 0) {
                s.waiting = false;
                s.afterLogin = false;
                s.dueNanos = Math.max(s.dueBeforeWait, lastDueNanos);
                open.moved(s);
            }
        }
    }

    /**
     * Whether the first request after a session's login may go now: yes once the login was answered,
     * or when the wait for it ran out; otherwise the session waits, re-keyed to its give-up time.
     */
    private boolean mayGoOn(ModelSession session, long due) {
        if (!session.waiting) {
            if (session.moveLogin(ModelSession.LOGIN_SENT, ModelSession.LOGIN_WAITED_FOR)) {
                session.waiting = true;
                session.dueBeforeWait = due;
                session.dueNanos = plus(due, options.loginWaitNanos());
                open.add(session);
                return false;
            }
            session.afterLogin = false;
            return true;
        }
        session.waiting = false;
        session.afterLogin = false;
        if (session.moveLogin(ModelSession.LOGIN_WAITED_FOR, ModelSession.LOGIN_GIVEN_UP)) {
            loginsGivenUp++;
        }
        return true;
    }

    private ModelSession startSession() {
        long number = started++;
        TestAccount account = accounts.isEmpty() ? null : accounts.get((int) (number % accounts.size()));
        ModelSession session = new ModelSession(number, sessionSeeds.split(), account, signals);
        int entry = walk.entry(session.random);
        if (login >= 0 && entry != login) {
            session.endpoint = login;
            session.entryAfterLogin = entry;
        } else {
            session.endpoint = entry;
        }
        return session;
    }

    /**
     * After the session's request due at {@code due} was noted: marks a first login (the next request
     * waits for it), then moves the walk on (a login put in front is followed at once by the walk's
     * entry) or ends the session. Draws from the session's random stream.
     */
    void walkOn(ModelSession session, long due) {
        int from = session.endpoint;
        session.length++;
        if (from == login && session.loginState() == ModelSession.LOGIN_NOT_SENT) {
            session.loginSent();
            session.afterLogin = true;
        }
        if (session.entryAfterLogin >= 0) {
            session.endpoint = session.entryAfterLogin;
            session.entryAfterLogin = -1;
            session.dueNanos = due;
            open.add(session);
            return;
        }
        int edge = session.length >= SessionWalk.MAX_SESSION_LENGTH ? -1 : walk.edge(from, session.random);
        int to = edge < 0 ? SessionWalk.EXIT : walk.target(from, edge);
        if (to == SessionWalk.EXIT) {
            finished++;
            return;
        }
        double thinkNanos = walk.thinkSeconds(from, edge, session.random) * 1e9;
        session.endpoint = to;
        session.dueNanos = plus(due, thinkNanos >= thinkCapNanos ? thinkCapNanos : (long) thinkNanos);
        open.add(session);
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    int openSessions() {
        return open.size();
    }

    long started() {
        return started;
    }

    long notStarted() {
        return notStarted;
    }

    long finished() {
        return finished;
    }

    long loginsGivenUp() {
        return loginsGivenUp;
    }
}
