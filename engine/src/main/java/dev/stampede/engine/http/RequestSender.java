package dev.stampede.engine.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests to one target over a pool of connections on one event loop, and ends every send
 * exactly once with a {@link SendResult}: {@link ConnectionPool} (HTTP/1.1) and {@link
 * Http2ConnectionPool} (HTTP/2); {@link RequestSenders#open} picks one from the options.
 *
 * <p>The contract both keep (see the package documentation): {@link #send} from any thread; every send
 * reaches its {@link Completion} exactly once; beyond the in-flight capacity plus {@link
 * ClientOptions#maxQueued()} a send ends at once as {@link SendResult#UNSENT_INFLIGHT_CAP}; requests
 * time out after {@link ClientOptions#requestTimeoutNanos()}; a failed connect backs its slot off;
 * time stamps come from the injected clock.
 */
public interface RequestSender extends AutoCloseable {

    /**
     * Sends one request, or ends it at once when over the cap or stopped. Any thread; hot path.
     *
     * @param template the encoded request
     * @param endpoint passed through to the completion
     * @param intendedNanos the intended send time, passed through to the completion
     * @param completion called exactly once
     */
    void send(RequestTemplate template, int endpoint, long intendedNanos, Completion completion);

    /**
     * Opens up to {@code count} connections before the first request. Any thread.
     *
     * @return completes with the number of open connections once none is still connecting
     */
    CompletableFuture<Integer> warmUp(int count);

    /**
     * Stops: later and queued sends end as {@link SendResult#UNSENT_STOPPED}, requests in flight get
     * {@code graceNanos} and then end as {@link SendResult#TIMEOUT}, connections close. Any thread;
     * idempotent.
     *
     * @return completes when every accepted send has completed and every connection is closed
     */
    CompletableFuture<Void> stop(long graceNanos);

    /** Stops without grace and waits (boundedly) until closed. */
    @Override
    void close();

    /** Open connections, as last seen by the event loop. */
    int openConnections();

    /** Connect attempts so far: shows that a dead target is retried with backoff, not in a spin. */
    long connectAttempts();

    /** Sends accepted and not yet completed. */
    int outstanding();

    /** Exceptions thrown by completions (caught and otherwise ignored). */
    long callbackErrors();

    /**
     * Why the latest failed connect failed (refused, timed out, TLS handshake, no {@code h2} by ALPN),
     * for a run's report; empty while no connect has failed.
     */
    Optional<String> lastConnectFailure();

    /** The event loop this sender's connections live on (where a run's ring is drained). */
    io.netty.channel.EventLoop eventLoop();
}
