package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http2.Http2Error;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Up to {@code connections} HTTP/2 connections to one target ({@code h2} over TLS agreed by ALPN, or
 * {@code h2c} with prior knowledge), each carrying many streams at once, all on ONE event loop taken
 * from the group: the same contract as {@link ConnectionPool} (see {@link RequestSender}).
 *
 * <p>A send takes a free stream on an open connection (round robin over the connections with one), or
 * waits in a FIFO queue. A connection takes at most {@link ClientOptions#maxStreamsPerConnection()}
 * streams, fewer when the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS} says so; requests beyond
 * wait in the queue, and another connection opens (up to {@code connections}) when more wait than the
 * connections being opened can take. The in-flight cap is the streams the connections allow plus
 * {@link ClientOptions#maxQueued()} (a connection not open yet counts with the client's limit).
 *
 * <p><b>Accounting invariant:</b> every {@code send} reaches its {@link Completion} exactly once. A
 * response ends it as OK or HTTP_STATUS; the request timeout as TIMEOUT (the stream is reset, the
 * connection stays); a stream the server resets, or a response without a valid status, as
 * PROTOCOL_ERROR; a lost connection as CONNECTION_RESET. A GOAWAY ends the streams above its last
 * stream id as CONNECTION_RESET at once (the server says it never processed them); the streams at or
 * below it may still complete, as RFC 9113 allows, and the connection takes no new streams and closes
 * when they are done.
 *
 * <p>Time stamps and deadlines come from the injected {@link NanoClock}; one timer for the whole pool
 * watches the oldest request in flight ({@link InFlightDeadlines}) and runs on Netty's scheduler.
 */
public final class Http2ConnectionPool implements RequestSender {

    private final HttpTarget target;
    private final TlsSetup tls;
    private final Consumer<Exchange> dispatcher = this::dispatch;
    private final NanoClock clock;
    private final ClientOptions options;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Http2Connection[] slots;
    private final SendAccounting accounting;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    // Event-loop-confined:
    private final ArrayDeque<Http2Connection> available;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final InFlightDeadlines inFlight;
    private int open;
    private int connecting;
    private boolean stopping;
    private CompletableFuture<Integer> warmedUp;
    // Written on the event loop only, read anywhere:
    private volatile int maxOutstanding;
    private volatile int openConnections;
    private volatile long connectAttempts;
    private volatile boolean stopRequested;
    private volatile String lastConnectFailure;

    /**
     * A pool; opens nothing until the first send or {@link #warmUp}. Resolves the target's host here, once.
     *
     * @param target where to connect: {@code https} for {@link HttpProtocol#H2}, {@code http} for {@link
     *     HttpProtocol#H2C}
     * @param connections the most connections, at least 1
     * @param group the pool takes one event loop from it ({@code group.next()}); NIO transport
     * @param options protocol (H2 or H2C), TLS, timeouts, queue bound, reconnect backoff, stream limit
     * @param clock the clock for sent and done stamps and deadlines
     * @throws IllegalArgumentException when the host cannot be resolved, connections is below 1, the
     *     protocol is not HTTP/2 or does not fit the target, or TLS cannot be set up
     */
    public Http2ConnectionPool(
            HttpTarget target, int connections, EventLoopGroup group, ClientOptions options, NanoClock clock) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (!options.protocol().isHttp2()) {
            throw new IllegalArgumentException("Http2ConnectionPool speaks HTTP/2, not "
                    + options.protocol().code() + "; RequestSenders.open picks the pool for a protocol");
        }
        this.tls = TlsSetup.forTarget(target, options);
        this.target = target;
        this.clock = clock;
        this.accounting = new SendAccounting(clock);
        this.options = options;
        this.loop = group.next();
        this.slots = new Http2Connection[connections];
        for (int i = 0; i < connections; i++) {
            slots[i] = new Http2Connection(this);
        }
        this.available = new ArrayDeque<>(connections);
        this.inFlight = new InFlightDeadlines(loop, clock, options.requestTimeoutNanos(), this::timeOut);
        this.maxOutstanding = capacity();
        this.bootstrap = PoolBootstrap.forTarget(target, loop, options);
    }

    /**
     * Sends one request, or ends it at once when the pool is over its cap or stopped. Any thread; hot
     * path: one {@code Exchange}, one atomic increment, one hand-over to the event loop (none when
     * called on it); on the loop, Netty's stream and promises (see {@link Http2Connection#write}).
     */
    @Override
    public void send(RequestTemplate template, int endpoint, long intendedNanos, Completion completion) {
        accounting.submit(
                stopRequested, maxOutstanding, loop, dispatcher, template, endpoint, intendedNanos, completion);
    }

    @Override
    public CompletableFuture<Integer> warmUp(int count) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                long now = clock.nanoTime();
                for (int i = 0; i < slots.length && open + connecting < Math.min(count, slots.length); i++) {
                    if (slots[i].mayConnect(now)) {
                        connect(slots[i]);
                    }
                }
                warmedUp = done;
                completeWarmUpIfDone();
            });
        } catch (RejectedExecutionException e) {
            done.complete(0);
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> stop(long graceNanos) {
        stopRequested = true;
        try {
            loop.execute(() -> beginStop(Math.max(0L, graceNanos)));
        } catch (RejectedExecutionException e) {
            stopped.complete(null);
        }
        return stopped;
    }

    @Override
    public void close() {
        SendAccounting.closeAndWait(this, options.connectTimeoutNanos() + 1_000_000_000L);
    }

    @Override
    public int openConnections() {
        return openConnections;
    }

    @Override
    public long connectAttempts() {
        return connectAttempts;
    }

    @Override
    public int outstanding() {
        return accounting.outstanding();
    }

    @Override
    public long callbackErrors() {
        return accounting.callbackErrors();
    }

    @Override
    public Optional<String> lastConnectFailure() {
        return Optional.ofNullable(lastConnectFailure);
    }

    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    TlsSetup tls() {
        return tls;
    }

    long connectTimeoutNanos() {
        return options.connectTimeoutNanos();
    }

    int maxStreamsPerConnection() {
        return options.maxStreamsPerConnection();
    }

    void connectFailed(Throwable cause) {
        lastConnectFailure = ConnectFailures.describe(target, cause);
    }

    // ---- on the event loop from here on ----

    /** Hot path: a free stream if there is one, else the queue. */
    private void dispatch(Exchange exchange) {
        if (stopping) {
            finish(exchange, 0, 0, SendResult.UNSENT_STOPPED);
            return;
        }
        Http2Connection connection = nextAvailable();
        if (connection != null && start(connection, exchange)) {
            connection.flush();
            relist(connection);
            return;
        }
        waiting.addLast(exchange);
        openForDemand();
    }

    /** The first listed connection that can take a stream, unlisted; stale entries are dropped. */
    private Http2Connection nextAvailable() {
        for (Http2Connection c = available.pollFirst(); c != null; c = available.pollFirst()) {
            c.listed = false;
            if (c.canTake()) {
                return c;
            }
        }
        return null;
    }

    private void relist(Http2Connection connection) {
        if (!connection.listed && connection.canTake()) {
            connection.listed = true;
            available.addLast(connection);
        }
    }

    /** Writes the request on a new stream; false (and the connection drains) when its ids are used up. */
    private boolean start(Http2Connection connection, Exchange exchange) {
        long now = clock.nanoTime();
        exchange.sentNanos = now;
        if (!connection.write(exchange)) {
            exchange.sentNanos = Completion.NOT_SENT;
            updateCapacity();
            connection.requestPump(); // closes it once its last stream ends
            return false;
        }
        inFlight.add(exchange, now);
        return true;
    }

    /** Opens connections while more requests wait than those being opened can take; fails them if none can. */
    private void openForDemand() {
        long now = clock.nanoTime();
        for (int i = 0;
                i < slots.length
                        && waiting.size() > (long) connecting * options.maxStreamsPerConnection()
                        && open + connecting < slots.length;
                i++) {
            if (slots[i].mayConnect(now)) {
                connect(slots[i]);
            }
        }
        if (open + connecting == 0) {
            failWaiting(SendResult.CONNECT_FAILED);
        }
    }

    private void connect(Http2Connection slot) {
        connecting++;
        connectAttempts++;
        slot.connect(bootstrap);
    }

    void onConnected(Http2Connection connection) {
        connecting--;
        open++;
        openConnections = open;
        connection.state = Http2Connection.State.OPEN;
        connection.resetBackoff();
        updateCapacity();
        if (stopping) {
            connection.close();
        } else {
            onFreeStreams(connection);
        }
        completeWarmUpIfDone();
    }

    void onStreamLimitChanged(Http2Connection connection) {
        updateCapacity();
        connection.requestPump();
    }

    /** A connection may have free streams: give them to the oldest waiting requests, then list it. */
    void onFreeStreams(Http2Connection connection) {
        if (connection.state != Http2Connection.State.OPEN) {
            return;
        }
        if (stopping || connection.draining) {
            if (connection.streamCount() == 0) {
                connection.close();
            }
            return;
        }
        boolean wrote = false;
        while (!waiting.isEmpty() && connection.canTake()) {
            Exchange next = waiting.pollFirst();
            if (!start(connection, next)) {
                waiting.addFirst(next);
                openForDemand();
                break;
            }
            wrote = true;
        }
        if (wrote) {
            connection.flush();
        }
        relist(connection);
    }

    /** Tells a request's response listener what came back; a throw is counted, never propagated. */
    void notifyListener(ResponseListener listener, int status, io.netty.handler.codec.http.HttpHeaders headers) {
        accounting.notifyListener(listener, status, headers);
    }

    void onResponse(Http2Connection connection, Exchange exchange) {
        int status = exchange.status;
        end(connection, exchange, status, exchange.bodyBytes, status < 400 ? SendResult.OK : SendResult.HTTP_STATUS);
    }

    /** A response without a valid status (or a body before it): the stream is reset. */
    void onBadResponse(Http2Connection connection, Exchange exchange) {
        end(connection, exchange, 0, 0, SendResult.PROTOCOL_ERROR);
        connection.reset(exchange.streamId, Http2Error.PROTOCOL_ERROR);
    }

    /** Netty closed a stream that had no complete response: reset by the server, or the connection went. */
    void onStreamEnded(Http2Connection connection, Exchange exchange, boolean connectionUp) {
        end(connection, exchange, 0, 0, connectionUp ? SendResult.PROTOCOL_ERROR : SendResult.CONNECTION_RESET);
    }

    void onGoAway(Http2Connection connection, int lastStreamId) {
        connection.draining = true;
        for (Exchange exchange : connection.takeAbove(lastStreamId)) {
            inFlight.remove(exchange);
            finish(exchange, 0, 0, SendResult.CONNECTION_RESET);
        }
        updateCapacity();
        connection.requestPump(); // closes it once its last stream ends
        if (!waiting.isEmpty() && !stopping) {
            openForDemand();
        }
    }

    private void end(Http2Connection connection, Exchange exchange, int status, long bodyBytes, SendResult result) {
        connection.remove(exchange);
        inFlight.remove(exchange);
        finish(exchange, status, bodyBytes, result);
    }

    /** The slot's channel closed: a failed connect, a lost connection, or a close this pool asked for. */
    void onClosed(Http2Connection connection) {
        connection.channel = null;
        boolean connectFailed = connection.state == Http2Connection.State.CONNECTING;
        if (connectFailed) {
            connecting--;
            connection.backOff(clock.nanoTime(), options.reconnectBackoffNanos(), options.maxReconnectBackoffNanos());
        } else {
            open--;
            openConnections = open;
            for (Exchange exchange : connection.takeAll()) {
                inFlight.remove(exchange);
                finish(exchange, 0, 0, SendResult.CONNECTION_RESET);
            }
        }
        connection.state = Http2Connection.State.DISCONNECTED;
        if (connection.listed) {
            connection.listed = false;
            available.remove(connection);
        }
        updateCapacity();
        if (stopping) {
            completeStopIfDone();
        } else {
            if (connectFailed && open + connecting == 0) {
                // They waited for this connect: fail them now rather than after one slot after another
                // has tried (against a silent target, a connect timeout each).
                failWaiting(SendResult.CONNECT_FAILED);
            }
            if (!waiting.isEmpty()) {
                openForDemand();
            }
        }
        completeWarmUpIfDone();
    }

    private void timeOut(Exchange exchange) {
        Http2Connection connection = exchange.connection;
        end(connection, exchange, 0, 0, SendResult.TIMEOUT);
        connection.reset(exchange.streamId, Http2Error.CANCEL); // a late response cannot reach anything
    }

    private void failWaiting(SendResult result) {
        for (Exchange exchange = waiting.pollFirst(); exchange != null; exchange = waiting.pollFirst()) {
            finish(exchange, 0, 0, result);
        }
    }

    /** In-flight capacity plus the queue bound: what a send may find outstanding before it is refused. */
    private int capacity() {
        long streams = 0;
        for (Http2Connection slot : slots) {
            if (slot.state != Http2Connection.State.OPEN) {
                streams += options.maxStreamsPerConnection();
            } else if (!slot.draining) {
                streams += slot.streamLimit();
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, streams + options.maxQueued());
    }

    private void updateCapacity() {
        maxOutstanding = capacity();
    }

    private void completeWarmUpIfDone() {
        if (warmedUp != null && connecting == 0) {
            CompletableFuture<Integer> done = warmedUp;
            warmedUp = null;
            done.complete(open);
        }
    }

    private void beginStop(long graceNanos) {
        if (stopping) {
            return;
        }
        stopping = true;
        failWaiting(SendResult.UNSENT_STOPPED);
        boolean busy = false;
        for (Http2Connection connection : slots) {
            if (connection.state == Http2Connection.State.OPEN && connection.streamCount() > 0) {
                busy = true; // closes when its last stream ends
            } else {
                connection.close();
            }
        }
        if (busy) {
            loop.schedule(this::endGrace, graceNanos, TimeUnit.NANOSECONDS);
        }
        completeStopIfDone();
    }

    private void endGrace() {
        for (Exchange oldest = inFlight.oldest(); oldest != null; oldest = inFlight.oldest()) {
            timeOut(oldest);
        }
        for (Http2Connection connection : slots) {
            connection.close();
        }
    }

    private void completeStopIfDone() {
        if (open + connecting == 0 && waiting.isEmpty() && accounting.outstanding() == 0) {
            stopped.complete(null);
        }
    }

    /** Ends an accepted send, once. */
    private void finish(Exchange exchange, int status, long bodyBytes, SendResult result) {
        exchange.connection = null;
        accounting.finish(exchange, status, bodyBytes, result);
        if (stopping) {
            completeStopIfDone();
        }
    }
}
