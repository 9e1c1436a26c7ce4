package dev.stampede.engine.http;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoopGroup;

/** Opens the {@link RequestSender} that speaks {@link ClientOptions#protocol()}. */
public final class RequestSenders {

    private RequestSenders() {}

    /**
     * A pool for {@code target}: {@link ConnectionPool} for {@link HttpProtocol#HTTP1}, {@link
     * Http2ConnectionPool} for {@link HttpProtocol#H2} and {@link HttpProtocol#H2C}. Opens nothing yet.
     *
     * @param target where to connect ({@code https} for TLS)
     * @param connections the most connections, at least 1
     * @param group the pool takes one event loop from it; NIO transport
     * @param options protocol, TLS, timeouts, queue bound, reconnect backoff
     * @param clock the clock for sent and done stamps and deadlines
     * @throws IllegalArgumentException when the options do not fit the target ({@link
     *     ClientOptions#checkFits}), the host cannot be resolved or TLS cannot be set up
     */
    public static RequestSender open(
            HttpTarget target, int connections, EventLoopGroup group, ClientOptions options, NanoClock clock) {
        return options.protocol().isHttp2()
                ? new Http2ConnectionPool(target, connections, group, options, clock)
                : new ConnectionPool(target, connections, group, options, clock);
    }
}
