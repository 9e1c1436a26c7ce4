package dev.stampede.engine.source;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.ModelFiles;
import dev.stampede.model.SlotModel;
import dev.stampede.model.pool.DataPool;
import dev.stampede.model.pool.DataPoolReader;
import dev.stampede.model.pool.DataPoolWriter;
import dev.stampede.model.pool.IdentityKind;
import dev.stampede.model.pool.PoolSlot;
import dev.stampede.model.pool.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;

/**
 * Traffic generated from a behaviour model ({@code stampede model}): sessions arrive as an open process
 * (Poisson or uniform) at the request rate divided by the requests of a session; each logs in when the
 * model has a login, walks the transition matrix with sampled think times, and fills its requests'
 * slots from the data pool. The rules (rate, time order, duration, memory, logins, slot values) are in
 * the package documentation.
 *
 * <p><b>Threads.</b> {@link #next} runs on the publishing thread and does every random draw (so a seed
 * gives one sequence); {@link #build} runs on the sender thread and writes the drawn values into the
 * request; login responses arrive on the event loop ({@link ModelSession#onResponse}); the rate given to
 * {@link #liveRate} may change from any thread. On the hot path: {@code next} (no allocation for a request of an
 * open session whose values are kept pool values; one session object per arrival) and {@code build}
 * (the request's text and bytes, encoded once on the heap).
 */
public final class ModelSource implements RequestSource<ModelSlot> {

    /** The highest request rate accepted, per second. */
    public static final double MAX_RATE_PER_SECOND = 1e9;

    private final List<String> names;
    private final EndpointPlan[] plans;
    private final RequestShaper shaper;
    private final ModelSourceOptions options;
    private final int login;
    private final LoginSignals signals;
    private final double requestsPerSession;
    private final double secondsPerSession;
    private final int maxSlots;
    private final SessionTimeline timeline;
    private final AtomicLong withoutCookie = new AtomicLong();

    private double arrivalsTimedAt;
    private DoubleUnaryOperator liveRate; // default: the options' rate throughout
    private LiveGate liveGate = LiveGate.OPEN;
    private long startNanos;
    private boolean ended;
    private long requests;
    private long loginsSent;
    // endpoint factors (load.endpoints): null without; copies of the last request still to send
    private DoubleUnaryOperator[] endpointFactors;
    private int copiesLeft;
    private ModelSession copySession;
    private int copyEndpoint;
    private long copyTime;
    private long copiesAdded;
    private long leftOut;

    /**
     * Reads a model directory written by {@code stampede model}: {@code model.json} and, when there,
     * the data pool in {@code datapool/} (without it, slots draw from the model's top values).
     *
     * @param modelDir the directory (or its {@code model.json})
     * @param options rate, arrivals, duration, seed, test accounts...
     * @param shaper the run's rewriting and marks, applied to every request
     * @throws IllegalArgumentException when the model cannot be run (named in the message: no sessions,
     *     a login without test accounts, a login the accounts cannot fill)
     */
    public static ModelSource open(Path modelDir, ModelSourceOptions options, RequestShaper shaper) throws IOException {
        BehaviourModel model = ModelFiles.read(modelDir);
        Path dir = Files.isDirectory(modelDir)
                ? modelDir
                : modelDir.toAbsolutePath().getParent();
        Path poolDir = dir.resolve("datapool");
        DataPool pool =
                Files.isRegularFile(poolDir.resolve(DataPoolWriter.INDEX_FILE)) ? DataPoolReader.read(poolDir) : null;
        return new ModelSource(model, pool, options, shaper);
    }

    /**
     * @param model the behaviour model
     * @param pool its data pool, or null to draw from the model's top values
     * @param options rate, arrivals, duration, seed, test accounts...
     * @param shaper the run's rewriting and marks
     */
    public ModelSource(BehaviourModel model, DataPool pool, ModelSourceOptions options, RequestShaper shaper) {
        List<EndpointModel> endpoints = model.endpoints() == null ? List.of() : model.endpoints();
        if (endpoints.isEmpty() || model.sessions() == null) {
            throw new IllegalArgumentException("the model has no endpoints or no sessions: nothing to send");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (EndpointModel endpoint : endpoints) {
            if (index.putIfAbsent(endpoint.id(), index.size()) != null) {
                throw new IllegalArgumentException("the model lists the endpoint " + endpoint.id() + " twice");
            }
        }
        this.names = List.copyOf(index.keySet());
        SessionWalk walk = new SessionWalk(model.sessions(), index);
        if (!walk.hasEntries()) {
            throw new IllegalArgumentException("the model's sessions have no entry endpoint: no session can start");
        }
        this.shaper = shaper;
        this.options = options;
        this.login = LoginRule.find(endpoints, options.loginEndpoint());
        TestAccounts testAccounts = options.testAccounts();
        if (login >= 0 && testAccounts == null) {
            throw new IllegalArgumentException("the model logs in with " + names.get(login)
                    + ": model sessions log in as test accounts, so give them (the testAccounts setting, a CSV of"
                    + " account,username,password), or turn logins off (loginEndpoint \"none\")");
        }
        Map<String, PoolSlot> byFile = new HashMap<>();
        if (pool != null) {
            pool.slots().stream().filter(s -> s.file() != null).forEach(s -> byFile.put(s.file(), s));
        }
        this.plans = new EndpointPlan[endpoints.size()];
        int widest = 0;
        for (int i = 0; i < plans.length; i++) {
            plans[i] = new EndpointPlan(
                    endpoints.get(i),
                    slot -> SlotFills.of(
                            slot,
                            slot.poolFile() == null ? null : byFile.get(slot.poolFile()),
                            options.freshTailValues()));
            widest = Math.max(widest, plans[i].slotCount());
        }
        this.maxSlots = widest;
        if (login >= 0) {
            requireAccountFills(endpoints.get(login), testAccounts);
        }
        this.signals =
                login >= 0 ? new LoginSignals(SessionCookie.of(model.sessions().key())) : null;
        WalkExpectations expected = new WalkExpectations(walk);
        double perSession = Double.isNaN(expected.requestsPerSession())
                ? Math.max(1, model.sessions().meanLength())
                : expected.requestsPerSession();
        this.requestsPerSession = login >= 0 ? perSession + 1 - walk.entryShare(login) : perSession;
        this.secondsPerSession = Double.isNaN(expected.secondsPerSession())
                ? model.sessions().meanDurationSeconds()
                : expected.secondsPerSession();
        long timeout = model.sessions().timeoutSeconds();
        long thinkCapNanos =
                timeout > 0 && timeout < Long.MAX_VALUE / 1_000_000_000L ? timeout * 1_000_000_000L : Long.MAX_VALUE;
        this.timeline = new SessionTimeline(
                walk,
                login,
                signals,
                testAccounts == null ? List.of() : testAccounts.accounts(),
                options,
                options.ratePerSecond() / requestsPerSession,
                thinkCapNanos);
        double planned = options.ratePerSecond();
        this.liveRate = seconds -> planned;
        this.arrivalsTimedAt = planned;
    }

    private static void requireAccountFills(EndpointModel endpoint, TestAccounts accounts) {
        for (SlotModel slot : endpoint.slots() == null ? List.<SlotModel>of() : endpoint.slots()) {
            IdentityKind kind = SlotFills.kindOf(slot);
            if (kind == IdentityKind.SECRET || (kind.isIdentity() && accounts.covers(kind))) {
                return;
            }
        }
        throw new IllegalArgumentException("the login endpoint " + endpoint.id()
                + " has no slot a test account can fill (a user name, account or password field of its JSON body);"
                + " name the login endpoint (loginEndpoint), or turn logins off (\"none\")");
    }

    static void checkRate(double ratePerSecond) {
        if (!(ratePerSecond > 0 && ratePerSecond <= MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException(
                    "the request rate must be above 0 and at most 1e9 per second, was " + ratePerSecond);
        }
    }

    /**
     * Takes the request rate from {@code rateAt} (requests per second at a number of seconds since the
     * start: the traffic controller's live rate, which may be 0) instead of the options' rate. It is read
     * at each request, at the later of the schedule's time and the clock's; a session arrival more than
     * {@code gate}'s horizon ahead is not committed to but waited for (re-reading the rate), so a change
     * reaches arrivals within the horizon and a rate of 0 (a pause) waits rather than ending the run.
     * Sessions already open keep their pace. Call before {@link #start}.
     */
    public void liveRate(DoubleUnaryOperator rateAt, LiveGate gate) {
        this.liveRate = rateAt;
        this.liveGate = gate;
    }

    /**
     * Sends each endpoint's requests {@code factors} times as often (copies within the same session, each
     * with its own slot values; below 1 some are left out and the session walks on). A login is never
     * multiplied. Call before {@link #start}.
     */
    public void endpointFactors(EndpointFactors factors) {
        this.endpointFactors = factors.isEmpty() ? null : factors.byEndpoint(names);
        if (this.endpointFactors != null && login >= 0) {
            this.endpointFactors[login] = null;
        }
    }

    /** The requests of a session on average (the walk's, plus a login put in front where it had none). */
    public double requestsPerSession() {
        return requestsPerSession;
    }

    /** The seconds from a session's first request to its last on average (its think times). */
    public double secondsPerSession() {
        return secondsPerSession;
    }

    /** Sessions open at once in the steady state at {@code requestsPerSecond} (Little's law). */
    public double expectedOpenSessions(double requestsPerSecond) {
        return requestsPerSecond / requestsPerSession * secondsPerSession;
    }

    @Override
    public List<String> endpointNames() {
        return names;
    }

    @Override
    public ModelSlot newSlot() {
        return new ModelSlot(maxSlots);
    }

    @Override
    public void start(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Hot path (publishing thread): the next request due, its values drawn into {@code slot}. */
    @Override
    public long next(ModelSlot slot) {
        if (ended) {
            return IntendedTimes.END;
        }
        if (copiesLeft > 0) { // an endpoint factor's copies go at the same time as the request they copy
            copiesLeft--;
            fill(slot, copySession, copyEndpoint);
            return copyTime;
        }
        while (true) {
            if (!followLiveRate()) {
                ended = true;
                return IntendedTimes.END;
            }
            long due = timeline.nextDue();
            if (due == SessionTimeline.ENDED) {
                ended = true;
                return IntendedTimes.END;
            }
            ModelSession session = timeline.current();
            int endpoint = session.endpoint;
            int copies = 1;
            if (endpointFactors != null && endpointFactors[endpoint] != null) {
                copies = EndpointFactors.copies(
                        endpointFactors[endpoint].applyAsDouble(due / 1e9), session.random.nextDouble());
            }
            if (copies == 0) {
                leftOut++;
                timeline.walkOn(session, due);
                continue;
            }
            fill(slot, session, endpoint);
            timeline.walkOn(session, due);
            if (copies > 1) {
                copiesLeft = copies - 1;
                copiesAdded += copiesLeft;
                copySession = session;
                copyEndpoint = endpoint;
                copyTime = startNanos + due;
            }
            return startNanos + due;
        }
    }

    /** Notes {@code session}'s request to {@code endpoint} in {@code slot}, its slot values drawn. */
    private void fill(ModelSlot slot, ModelSession session, int endpoint) {
        slot.endpoint = endpoint;
        slot.session = session;
        slot.login = endpoint == login;
        plans[endpoint].draw(session.random, session.account, slot.values);
        requests++;
        loginsSent += slot.login ? 1 : 0;
    }

    /**
     * Re-times arrivals to the live rate and, while the next thing due is an arrival beyond the gate's
     * horizon, waits (a slice at a time, re-reading the rate). False when the gate was stopped.
     */
    private boolean followLiveRate() {
        NanoClock clock = liveGate.clock();
        while (true) {
            long scheduleNanos = timeline.lastDueNanos();
            long nowNanos = clock == null ? scheduleNanos : clock.nanoTime() - startNanos;
            double rate = liveRate.applyAsDouble(Math.max(scheduleNanos, nowNanos) / 1e9);
            rate = rate > 0 ? Math.min(rate, MAX_RATE_PER_SECOND) : 0;
            if (rate != arrivalsTimedAt) {
                timeline.retime(rate / requestsPerSession);
                arrivalsTimedAt = rate;
            }
            long arrival = timeline.arrivalIfFirst();
            if (clock == null || arrival < 0 || nowNanos >= options.durationNanos()) {
                return true; // a session's request comes first, or the run's end: nextDue decides
            }
            long horizon = liveGate.horizonNanos();
            long slice = horizon + LiveGate.WAIT_SLICE_NANOS;
            long waitUntil = arrival - nowNanos > slice ? nowNanos + slice : arrival; // re-read the rate each slice
            if (waitUntil - nowNanos <= horizon) {
                return true; // within the horizon: commit to it
            }
            if (!liveGate.awaitWithin(startNanos + waitUntil)) {
                return false;
            }
        }
    }

    /**
     * Hot path (sender thread): the request of a released slot, with the session's cookie (counted when
     * a session of a model with a login has none yet) and, for a login, the session listening to the
     * response.
     */
    @Override
    public RequestTemplate build(ModelSlot slot, long requestNumber) {
        ModelSession session = slot.session;
        String cookie = null;
        if (login >= 0 && !slot.login) {
            cookie = session.token;
            if (cookie == null) {
                withoutCookie.incrementAndGet();
            }
        }
        return plans[slot.endpoint].request(shaper, slot.values, cookie, slot.login ? session : null, requestNumber);
    }

    /** The plan of endpoint {@code endpoint} (tests). */
    EndpointPlan plan(int endpoint) {
        return plans[endpoint];
    }

    /** Sessions open now (tests and the report). */
    int openSessions() {
        return timeline.openSessions();
    }

    /** Requests built without a session cookie in a model with a login. */
    long requestsWithoutCookie() {
        return withoutCookie.get();
    }

    @Override
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "model sessions: %d started, %d ended, %d open when the source ended, %d not started (%d open"
                        + " at most)",
                timeline.started(),
                timeline.finished(),
                timeline.openSessions(),
                timeline.notStarted(),
                options.maxOpenSessions()));
        if (endpointFactors != null) {
            lines.add(String.format(
                    Locale.ROOT, "endpoint factors: %,d copies added, %,d requests left out", copiesAdded, leftOut));
        }
        lines.add(String.format(
                Locale.ROOT,
                "model requests: %d; per session %.2f requests over %.1f s (at %.0f req/s about %.0f sessions open)",
                requests,
                requestsPerSession,
                secondsPerSession,
                options.ratePerSecond(),
                expectedOpenSessions(options.ratePerSecond())));
        if (login >= 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "model logins with %s: %d sent, %d failed (not 2xx), %d set no %s, %d unanswered after %.1f s"
                            + " (the session went on without it); %d requests sent without a session cookie",
                    names.get(login),
                    loginsSent,
                    signals.failed.get(),
                    signals.withoutCookie.get(),
                    signals.cookie.describe(),
                    timeline.loginsGivenUp(),
                    options.loginWaitNanos() / 1e9,
                    withoutCookie.get()));
        }
        return lines;
    }
}
