package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Up to {@code connections} keep-alive HTTP/1.1 connections to one target, one request in flight per
 * connection (no pipelining), all on ONE event loop taken from the group. An {@code https} target's
 * connections are ready once the TLS handshake is done (ALPN offers {@code http/1.1} only). To use several cores, give
 * each event loop its own pool and spread the sends over them (as wrk gives each thread its
 * connections).
 *
 * <p>{@link #send} may be called from any thread. Connections open on demand: a send that finds no
 * idle connection waits in a FIFO queue while more connections open; beyond {@code connections +
 * maxQueued} outstanding sends, it ends at once as {@link SendResult#UNSENT_INFLIGHT_CAP}.
 *
 * <p><b>Accounting invariant:</b> every {@code send} reaches its {@link Completion} exactly once, with
 * one {@link SendResult}: on a response, a timeout, a reset, a failed connect, the cap or a stop.
 *
 * <p>Time stamps ({@code sentNanos}, {@code doneNanos}) and deadlines come from the injected {@link
 * NanoClock}; the timers that look at the deadlines run on Netty's scheduler (real time), so the
 * pool is meant for the system clock outside tests of its accounting.
 */
public final class ConnectionPool implements RequestSender {

    private final HttpTarget target;
    private final TlsSetup tls;
    private final Consumer<Exchange> dispatcher = this::dispatch;
    private final NanoClock clock;
    private final ClientOptions options;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Connection[] slots;
    private final int maxOutstanding;
    private final SendAccounting accounting;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    // Event-loop-confined:
    private final ArrayDeque<Connection> idle;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int open;
    private int connecting;
    private boolean stopping;
    // Written on the event loop only, read anywhere:
    private volatile int openConnections;
    /** Completes with the open count once no warm-up connect is in flight (event loop only). */
    private CompletableFuture<Integer> warmedUp;

    private volatile long connectAttempts;
    private volatile boolean stopRequested;
    private volatile String lastConnectFailure;

    /**
     * A pool; opens nothing until the first send. Resolves the target's host here, once.
     *
     * @param target where to connect
     * @param connections the most connections, at least 1
     * @param group the pool takes one event loop from it ({@code group.next()}); NIO transport
     * @param options timeouts, queue bound, reconnect backoff, TLS; the protocol must be {@link
     *     HttpProtocol#HTTP1}
     * @param clock the clock for sent and done stamps and deadlines
     * @throws IllegalArgumentException when the host cannot be resolved, connections is below 1, the
     *     options do not fit the target or TLS cannot be set up
     */
    public ConnectionPool(
            HttpTarget target, int connections, EventLoopGroup group, ClientOptions options, NanoClock clock) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (options.protocol() != HttpProtocol.HTTP1) {
            throw new IllegalArgumentException("ConnectionPool speaks HTTP/1.1, not "
                    + options.protocol().code() + "; RequestSenders.open picks the pool for a protocol");
        }
        this.tls = TlsSetup.forTarget(target, options);
        this.target = target;
        this.clock = clock;
        this.accounting = new SendAccounting(clock);
        this.options = options;
        this.loop = group.next();
        this.maxOutstanding = connections + options.maxQueued();
        this.slots = new Connection[connections];
        for (int i = 0; i < connections; i++) {
            slots[i] = new Connection(this);
        }
        this.idle = new ArrayDeque<>(connections);
        this.bootstrap = PoolBootstrap.forTarget(target, loop, options);
    }

    /**
     * Sends one request, or ends it at once when the pool is over its cap or stopped. Any thread; hot
     * path: one {@code Exchange} and one buffer duplicate per send, one atomic increment, one hand-over
     * to the event loop (none when called on it).
     *
     * @param template the encoded request
     * @param endpoint passed through to the completion
     * @param intendedNanos the intended send time, passed through to the completion
     * @param completion called exactly once
     */
    @Override
    public void send(RequestTemplate template, int endpoint, long intendedNanos, Completion completion) {
        accounting.submit(
                stopRequested, maxOutstanding, loop, dispatcher, template, endpoint, intendedNanos, completion);
    }

    /**
     * Opens up to {@code count} connections before the first request, so a run does not start with every
     * request waiting for a connect. Any thread.
     *
     * @return completes with the number of open connections once none is still connecting (connects that
     *     fail are left to the usual backoff)
     */
    @Override
    public CompletableFuture<Integer> warmUp(int count) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                long now = clock.nanoTime();
                for (int i = 0; i < slots.length && open + connecting < Math.min(count, slots.length); i++) {
                    if (slots[i].mayConnect(now)) {
                        connecting++;
                        connectAttempts++;
                        slots[i].connect(bootstrap);
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

    private void completeWarmUpIfDone() {
        if (warmedUp != null && connecting == 0) {
            CompletableFuture<Integer> done = warmedUp;
            warmedUp = null;
            done.complete(open);
        }
    }

    /**
     * Stops the pool: sends after this call and those still queued end as {@link
     * SendResult#UNSENT_STOPPED}; requests in flight get {@code graceNanos} to finish, then end as
     * {@link SendResult#TIMEOUT}; connections close. Any thread; idempotent.
     *
     * @return completes when every send accepted before the stop has completed and every connection
     *     is closed
     */
    @Override
    public CompletableFuture<Void> stop(long graceNanos) {
        stopRequested = true;
        try {
            loop.execute(() -> beginStop(Math.max(0L, graceNanos)));
        } catch (RejectedExecutionException e) {
            stopped.complete(null); // the event loop is gone, and with it every connection
        }
        return stopped;
    }

    /** Stops without grace and waits (up to the connect timeout plus a second) until closed. */
    @Override
    public void close() {
        SendAccounting.closeAndWait(this, options.connectTimeoutNanos() + 1_000_000_000L);
    }

    /** Open connections (idle or busy), as last seen by the event loop. */
    @Override
    public int openConnections() {
        return openConnections;
    }

    /** Connect attempts so far: shows that a dead target is retried with backoff, not in a spin. */
    @Override
    public long connectAttempts() {
        return connectAttempts;
    }

    /** Sends accepted and not yet completed. */
    @Override
    public int outstanding() {
        return accounting.outstanding();
    }

    /** Exceptions thrown by completions (caught and otherwise ignored). */
    @Override
    public long callbackErrors() {
        return accounting.callbackErrors();
    }

    @Override
    public Optional<String> lastConnectFailure() {
        return Optional.ofNullable(lastConnectFailure);
    }

    /**
     * The event loop this pool runs on. Work handed to it (e.g. a drain that calls {@link #send}) sends
     * without a further hand-over between threads.
     */
    @Override
    public EventLoop eventLoop() {
        return loop;
    }

    /** The TLS setup, or {@code null} for an {@code http} target. */
    TlsSetup tls() {
        return tls;
    }

    long connectTimeoutNanos() {
        return options.connectTimeoutNanos();
    }

    void connectFailed(Throwable cause) {
        lastConnectFailure = ConnectFailures.describe(target, cause);
    }

    long nowNanos() {
        return clock.nanoTime();
    }

    // ---- on the event loop from here on ----

    void dispatch(Exchange exchange) {
        if (stopping) {
            finish(exchange, 0, 0, SendResult.UNSENT_STOPPED);
            return;
        }
        Connection connection = idle.pollFirst();
        if (connection != null) {
            connection.write(exchange, clock.nanoTime(), options.requestTimeoutNanos());
            return;
        }
        waiting.addLast(exchange);
        openForDemand();
    }

    /** Opens connections while more requests wait than are being opened; fails the queue if none can. */
    private void openForDemand() {
        if (waiting.size() > connecting && open + connecting < slots.length) {
            long now = clock.nanoTime();
            for (int i = 0; i < slots.length && waiting.size() > connecting; i++) {
                if (slots[i].mayConnect(now)) {
                    connecting++;
                    connectAttempts++;
                    slots[i].connect(bootstrap);
                }
            }
        }
        if (open + connecting == 0) {
            failWaiting(SendResult.CONNECT_FAILED);
        }
    }

    void onConnected(Connection connection) {
        connecting--;
        open++;
        openConnections = open;
        connection.resetBackoff();
        connection.state = Connection.State.IDLE;
        takeNext(connection);
        completeWarmUpIfDone();
    }

    /** A connection became free: give it the oldest waiting request, or park it as idle. */
    private void takeNext(Connection connection) {
        if (stopping) {
            connection.close();
            return;
        }
        Exchange next = waiting.pollFirst();
        if (next != null) {
            connection.write(next, clock.nanoTime(), options.requestTimeoutNanos());
        } else {
            connection.state = Connection.State.IDLE;
            idle.addLast(connection);
        }
    }

    void onResponse(Connection connection, int status, long bodyBytes, boolean keepAlive) {
        Exchange exchange = connection.inFlight;
        connection.inFlight = null;
        finish(exchange, status, bodyBytes, status < 400 ? SendResult.OK : SendResult.HTTP_STATUS);
        if (keepAlive) {
            takeNext(connection);
        } else {
            connection.close();
        }
    }

    void onTimeout(Connection connection) {
        Exchange exchange = connection.inFlight;
        connection.inFlight = null;
        finish(exchange, 0, 0, SendResult.TIMEOUT);
        connection.close(); // a late response must not reach the next request
    }

    void onProtocolError(Connection connection) {
        Exchange exchange = connection.inFlight;
        connection.inFlight = null;
        if (exchange != null) {
            finish(exchange, 0, 0, SendResult.PROTOCOL_ERROR);
        }
        connection.close();
    }

    /** The slot's channel closed: a failed connect, a reset, or a close this pool asked for. */
    void onClosed(Connection connection) {
        connection.channel = null;
        if (connection.state == Connection.State.CONNECTING) {
            connecting--;
            connection.backOff(clock.nanoTime(), options.reconnectBackoffNanos(), options.maxReconnectBackoffNanos());
        } else {
            open--;
            openConnections = open;
            if (connection.state == Connection.State.IDLE) {
                idle.remove(connection);
            }
            Exchange exchange = connection.inFlight;
            connection.inFlight = null;
            if (exchange != null) {
                finish(exchange, 0, 0, SendResult.CONNECTION_RESET);
            }
        }
        connection.state = Connection.State.DISCONNECTED;
        if (stopping) {
            completeStopIfDone();
        } else {
            openForDemand();
        }
        completeWarmUpIfDone();
    }

    private void failWaiting(SendResult result) {
        for (Exchange exchange = waiting.pollFirst(); exchange != null; exchange = waiting.pollFirst()) {
            finish(exchange, 0, 0, result);
        }
    }

    private void beginStop(long graceNanos) {
        if (stopping) {
            return;
        }
        stopping = true;
        failWaiting(SendResult.UNSENT_STOPPED);
        boolean busy = false;
        for (Connection connection : slots) {
            if (connection.state == Connection.State.BUSY && connection.inFlight != null) {
                busy = true;
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
        for (Connection connection : slots) {
            if (connection.inFlight != null) {
                onTimeout(connection);
            }
        }
    }

    private void completeStopIfDone() {
        if (open + connecting == 0 && waiting.isEmpty() && accounting.outstanding() == 0) {
            stopped.complete(null);
        }
    }

    /** Ends an accepted send, once. */
    private void finish(Exchange exchange, int status, long bodyBytes, SendResult result) {
        accounting.finish(exchange, status, bodyBytes, result);
        if (stopping) {
            completeStopIfDone();
        }
    }

    /** Tells a request's response listener what came back; a throw is counted, never propagated. */
    void notifyListener(ResponseListener listener, int status, io.netty.handler.codec.http.HttpHeaders headers) {
        accounting.notifyListener(listener, status, headers);
    }
}
