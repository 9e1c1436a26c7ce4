package dev.stampede.engine.source;

import dev.stampede.engine.http.RequestTemplate;
import dev.stampede.engine.http.ResponseListener;
import dev.stampede.engine.http.SendResult;
import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.schedule.LiveGate;
import dev.stampede.engine.schedule.RateIntegral;
import dev.stampede.engine.schedule.ReplayTimes;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.store.RecordStoreReader;
import dev.stampede.model.endpoint.Endpoint;
import dev.stampede.model.endpoint.SlotValues;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;

/**
 * Replays a record store: each selected record is due at {@code start + (t_record - t_first) / speed}
 * (plus one store span and a gap per loop already played), sent by {@code amplify x factor} users
 * (the recording's own user first, then clones whose sessions are kept apart), its session cookie
 * swapped for the one this run's login of that user created.
 *
 * <p><b>Streaming.</b> The store is read one record at a time ({@link ReplayScan} read it once before,
 * for the endpoints and the span); memory is the store reader's, the session table ({@link
 * SessionTokens}, bounded) and one shared {@link RecordedRequest} per record in flight.
 *
 * <p><b>Time.</b> Each pass's times come from a {@link ReplayTimes} (its rounding and out-of-order
 * rules): computed from each record, never summed, so nothing drifts; a record earlier than the one
 * before is due at the previous time (counted). Copies of a record are due at the record's time. With a
 * duration, nothing due at or after {@code start + duration} is sent.
 *
 * <p><b>Sessions.</b> A recorded request whose response created a session (nginx {@code
 * $upstream_cookie_NAME}) is sent with a listener that maps the recorded token to the new one for its
 * user; later requests carrying the recorded token carry the new one instead. The lookup happens when
 * the request is built, at its intended time; a request whose session's login is still unanswered
 * waits for it (a recorded user could not have sent it earlier either) and is sent, through the {@link
 * LateSender}, when the login ends, its latency still counted from its intended time. Requests whose
 * recorded session no replayed login created (it began before the window, or the login failed) are
 * sent with the recorded token and counted.
 */
public final class ReplaySource implements RequestSource<ReplaySource.Slot> {

    /** A body that starts like {@code name=value}: a form. */
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9_.%+-]+=");

    /** A ring slot: the shared request and which replayed user sends it. */
    public static final class Slot extends SourceSlot {
        RecordedRequest request;
        int user;
    }

    private final ReplayOptions options;
    private final ReplayScan scan;
    private final RequestShaper shaper;
    private final SessionTokens sessions = new SessionTokens();
    private final LoginIdentities identities;
    private final Map<Endpoint, Integer> endpointIndex = new HashMap<>();
    private final SlotValues slotValues = new SlotValues();
    private final RequestRecord record = new RequestRecord();
    private final List<String> endpointNames;

    private DoubleUnaryOperator liveSpeed; // null: options.speed() throughout
    private EndpointFactors endpointFactors = EndpointFactors.NONE;
    private LiveGate liveGate;
    private RateIntegral warp;
    private double loopSpanSeconds;
    private RecordStoreReader reader;
    private long startNanos;
    private long loopSpanNanos;
    private int loop;
    /** This pass's intended times (one per loop, anchored on the pass's first selected record). */
    private ReplayTimes passTimes;
    /** The start time of the record {@link #passTimes} is asked about. */
    private long pendingMicros;

    private long outOfOrderEarlierPasses;
    private long storePosition;
    private boolean ended;
    // the record being sent by its users: copies left, its time and endpoint
    private RecordedRequest current;
    private int currentEndpoint;
    private long currentTime;
    private int copies;
    private int nextUser;
    // counts, publishing thread
    private long recordsReplayed;
    private long requestsPlanned;
    private long unclassified;
    // counts, sender thread and event loop
    private final AtomicLong recordedTokensSent = new AtomicLong();
    private LateSender lateSender = (request, endpoint, intended) -> {
        throw new IllegalStateException("not attached to a run");
    };

    /**
     * @param options what to replay and how
     * @param scan the store's first pass with the same options ({@link ReplayScan#of})
     * @param shaper rewriting and marks
     */
    public ReplaySource(ReplayOptions options, ReplayScan scan, RequestShaper shaper) {
        this.options = options;
        this.scan = scan;
        this.shaper = shaper;
        this.identities = options.testAccounts() == null ? null : new LoginIdentities(options.testAccounts());
        List<Endpoint> endpoints = scan.catalog().endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            endpointIndex.put(endpoints.get(i), i);
        }
        this.endpointNames = scan.endpointNames().isEmpty() ? List.of("(none)") : scan.endpointNames();
    }

    /**
     * Replays at a speed that may change while it runs: {@code speedAt} gives the speed factor at a
     * number of seconds since the start (the traffic controller's live rate), read behind {@code gate}
     * (see {@link ReplayTimes#live}). Call before {@link #start}.
     */
    public void liveSpeed(DoubleUnaryOperator speedAt, LiveGate gate) {
        this.liveSpeed = speedAt;
        this.liveGate = gate;
    }

    /**
     * Sends each endpoint's records {@code factors(t)} times as often on top of the replay's multipliers
     * (cloned or thinned the way a multiplier does). Call before {@link #start}.
     */
    public void endpointFactors(EndpointFactors factors) {
        this.endpointFactors = factors;
    }

    @Override
    public List<String> endpointNames() {
        return endpointNames;
    }

    @Override
    public Slot newSlot() {
        return new Slot();
    }

    @Override
    public void start(long start) {
        this.startNanos = start;
        long gapMicros = scan.selected() > 1 ? Math.max(1, scan.spanMicros() / (scan.selected() - 1)) : 1_000_000L;
        this.loopSpanNanos =
                ReplayTimes.scale(Math.multiplyExact(scan.spanMicros() + gapMicros, 1000L), options.speed());
        this.loopSpanSeconds = (scan.spanMicros() + gapMicros) / 1e6;
        this.reader = scan.selected() == 0 ? null : RecordStoreReader.open(options.store());
        if (liveSpeed != null) {
            long duration = options.durationNanos() > 0 ? options.durationNanos() : Long.MAX_VALUE;
            this.warp = new RateIntegral(start, liveSpeed, duration, RateIntegral.DEFAULT_STEP_NANOS, liveGate);
        }
        this.passTimes = passTimes(0);
    }

    /** Publishing thread: the next copy of the current record, else the next selected record's first. */
    @Override
    public long next(Slot slot) {
        while (!ended && nextUser >= copies) {
            readNext();
        }
        if (ended) {
            return IntendedTimes.END;
        }
        slot.request = current;
        slot.user = nextUser++;
        slot.endpoint = currentEndpoint;
        requestsPlanned++;
        return currentTime;
    }

    private void readNext() {
        if (reader == null) {
            ended = true;
            return;
        }
        while (true) {
            if (!reader.next(record)) {
                reader.close();
                reader = null;
                loop++;
                if (options.loops() != 0 && loop >= options.loops()) {
                    ended = true;
                    return;
                }
                reader = RecordStoreReader.open(options.store());
                storePosition = 0;
                outOfOrderEarlierPasses += passTimes.outOfOrderRecords();
                passTimes = passTimes(loop);
                continue;
            }
            long position = storePosition++;
            if (!ReplayScan.selects(options, record)) {
                continue;
            }
            pendingMicros = record.startMicros();
            long time = passTimes.next();
            if (time == IntendedTimes.END
                    || options.durationNanos() > 0 && time - startNanos >= options.durationNanos()) {
                reader.close();
                reader = null;
                ended = true;
                return;
            }
            int n = copies(record, position, (time - startNanos) / 1e9);
            if (n == 0) {
                continue;
            }
            current = RecordedRequest.of(record, shaper, scan.sessionCookies());
            currentEndpoint = endpointOf(record);
            currentTime = time;
            copies = n;
            nextUser = 0;
            recordsReplayed++;
            return;
        }
    }

    /** The intended times of pass {@code pass} (from 0). */
    private ReplayTimes passTimes(int pass) {
        return warp != null
                ? ReplayTimes.live(warp, pass * loopSpanSeconds, () -> pendingMicros)
                : new ReplayTimes(startNanos + pass * loopSpanNanos, options.speed(), () -> pendingMicros);
    }

    /** {@code amplify x factor} copies; a fraction is one more copy with that probability (seeded, per record). */
    private int copies(RequestRecord r, long position, double seconds) {
        double factor = options.multipliers().isEmpty() ? 1 : options.factor(ReplayScan.methodAndPath(r));
        if (!endpointFactors.isEmpty()) {
            DoubleUnaryOperator live = endpointFactors.of(ReplayScan.methodAndPath(r));
            factor *= live == null ? 1 : Math.max(0, live.applyAsDouble(seconds));
        }
        double x = options.amplify() * factor;
        int whole = (int) Math.floor(x);
        double fraction = x - whole;
        if (fraction > 0 && unitHash(position) < fraction) {
            whole++;
        }
        return whole;
    }

    private double unitHash(long position) {
        long z = position * 0x9E3779B97F4A7C15L + options.seed();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    private int endpointOf(RequestRecord r) {
        Endpoint endpoint = scan.catalog().classify(r.method(), r.uri(), slotValues);
        Integer index = endpointIndex.get(endpoint);
        if (index == null) {
            unclassified++;
            return 0;
        }
        return index;
    }

    @Override
    public void attach(LateSender sender) {
        this.lateSender = sender;
    }

    /**
     * Sender thread: the recorded request as this user sends it now; null when it waits for its
     * session's login (then it is built and sent when the login ends).
     */
    @Override
    public RequestTemplate build(Slot slot, long requestNumber) {
        return build(slot.request, slot.user, slot.endpoint, slot.intendedNanos, requestNumber);
    }

    private RequestTemplate build(RecordedRequest request, int user, int endpoint, long intended, long requestNumber) {
        String cookie = null;
        if (request.cookies().length > 0) {
            cookie = cookieHeader(request, user, endpoint, intended, requestNumber);
            if (cookie == SessionTokens.WAITING) {
                return null;
            }
        }
        RequestTemplate.Builder builder = shaper.start(request.method(), request.pathAndQuery());
        String[] headers = request.headers();
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("content-type");
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        byte[] body = request.body();
        String[] created = request.created();
        if (created.length > 0) {
            if (identities != null) {
                body = identities.body(body, user);
            }
            sessions.loginSent(user, created);
            builder.onResponse(new ResponseListener() {
                @Override
                public void onResponse(int status, HttpHeaders responseHeaders) {
                    sessions.learnFrom(user, created, status, responseHeaders);
                }

                @Override
                public void onEnd(SendResult result) {
                    sessions.loginEnded(user, created);
                }
            });
        }
        if (body != null) {
            if (!contentType) {
                builder.header("Content-Type", guessContentType(body));
            }
            builder.body(body);
        }
        return shaper.finish(builder, requestNumber).buildOnce();
    }

    /** The Cookie header with this user's session tokens; {@link SessionTokens#WAITING} when held back. */
    private String cookieHeader(RecordedRequest request, int user, int endpoint, long intended, long requestNumber) {
        String[] cookies = request.cookies();
        StringBuilder header = new StringBuilder(64);
        for (int i = 0; i < cookies.length; i += 2) {
            String value = cookies[i + 1];
            if (scan.sessionCookies().contains(cookies[i])) {
                String token = sessions.lookup(user, cookies[i], value, () -> {
                    RequestTemplate late = build(request, user, endpoint, intended, requestNumber);
                    if (late != null) {
                        lateSender.send(late, endpoint, intended);
                    }
                });
                if (token == SessionTokens.WAITING) {
                    return SessionTokens.WAITING;
                }
                if (token != null) {
                    value = token;
                } else {
                    recordedTokensSent.incrementAndGet();
                }
            }
            if (header.length() > 0) {
                header.append("; ");
            }
            header.append(cookies[i]).append('=').append(value);
        }
        return header.toString();
    }

    private static String guessContentType(byte[] body) {
        byte first = body[0];
        if (first == '{' || first == '[') {
            return "application/json";
        }
        String text = new String(body, 0, Math.min(body.length, 64), StandardCharsets.ISO_8859_1);
        return FORM.matcher(text).lookingAt() ? "application/x-www-form-urlencoded" : "application/octet-stream";
    }

    @Override
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "replay: %,d records replayed (%,d selected per pass of %,d in the store), %,d requests, %d loop(s) begun",
                recordsReplayed,
                scan.selected(),
                scan.records(),
                requestsPlanned,
                loop + (ended ? 0 : 1)));
        if (!scan.sessionCookies().isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "replay sessions (cookies %s): %,d created by replayed logins, %,d logins failed, %,d answered"
                            + " without a session cookie, %,d requests sent with their recorded token (no replayed"
                            + " login created it), %,d waited for their login's answer%s",
                    String.join(", ", scan.sessionCookies()),
                    sessions.learned(),
                    sessions.failedLogins(),
                    sessions.notLearned(),
                    recordedTokensSent.get(),
                    sessions.waited(),
                    sessions.forgotten() > 0 ? ", " + sessions.forgotten() + " not remembered (table full)" : ""));
        }
        if (identities != null) {
            lines.add(String.format(Locale.ROOT, "replay logins as test accounts: %,d", identities.replaced()));
        }
        long outOfOrder = outOfOrderEarlierPasses + (passTimes == null ? 0 : passTimes.outOfOrderRecords());
        if (outOfOrder > 0 || unclassified > 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "replay: %,d records out of order (sent at the previous time), %,d not classified",
                    outOfOrder,
                    unclassified));
        }
        return lines;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
