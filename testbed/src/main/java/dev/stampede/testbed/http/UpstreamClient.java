package dev.stampede.testbed.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 keep-alive connections from one tier to one upstream address: at most {@code
 * maxConnections}, one request per connection at a time, each bounded by {@code timeoutMs}. Failures
 * (refused, reset, timeout, pool exhausted) complete the future exceptionally; the caller turns them
 * into 502/503/504.
 */
public final class UpstreamClient implements AutoCloseable {

    static final AttributeKey<CompletableFuture<FullHttpResponse>> PENDING = AttributeKey.valueOf("upstream.pending");

    private final String address;
    private final FixedChannelPool pool;
    private final long timeoutMs;

    /**
     * @param upstream where to connect
     * @param maxConnections open connections at most; further requests wait for one (up to the timeout)
     * @param timeoutMs bound on waiting for a connection and, separately, on waiting for the response
     */
    public UpstreamClient(InetSocketAddress upstream, EventLoopGroup group, int maxConnections, long timeoutMs) {
        this(upstream, null, group, maxConnections, timeoutMs);
    }

    /**
     * As {@link #UpstreamClient(InetSocketAddress, EventLoopGroup, int, long)}, with connections made
     * from {@code localAddress} (e.g. a distinct loopback address per simulated user), or any when null.
     */
    public UpstreamClient(
            InetSocketAddress upstream,
            InetSocketAddress localAddress,
            EventLoopGroup group,
            int maxConnections,
            long timeoutMs) {
        this.address = upstream.getAddress().getHostAddress() + ":" + upstream.getPort();
        this.timeoutMs = timeoutMs;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMs, Integer.MAX_VALUE))
                .remoteAddress(upstream);
        if (localAddress != null) {
            bootstrap.localAddress(localAddress);
        }
        this.pool = new FixedChannelPool(
                bootstrap,
                new AbstractChannelPoolHandler() {
                    @Override
                    public void channelCreated(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(HttpTier.MAX_CONTENT_BYTES * 8))
                                .addLast(new UpstreamResponseHandler());
                    }
                },
                ChannelHealthChecker.ACTIVE,
                FixedChannelPool.AcquireTimeoutAction.FAIL,
                timeoutMs,
                maxConnections,
                Integer.MAX_VALUE);
    }

    /** {@code host:port} of the upstream, as an access log names it. */
    public String address() {
        return address;
    }

    /**
     * Sends {@code request} (ownership passes to this client) and completes with the response, which the
     * caller then owns and must release or pass on.
     */
    public CompletableFuture<FullHttpResponse> send(FullHttpRequest request) {
        CompletableFuture<FullHttpResponse> result = new CompletableFuture<>();
        pool.acquire().addListener(acquired -> {
            if (!acquired.isSuccess()) {
                request.release();
                // The pool reports its own wait limit as a TimeoutException; keep it apart from a slow upstream.
                Throwable cause = acquired.cause() instanceof TimeoutException
                        ? new NoConnectionFreeException(address, timeoutMs)
                        : acquired.cause();
                result.completeExceptionally(cause);
                return;
            }
            Channel channel = (Channel) acquired.getNow();
            ScheduledFuture<?> timeout = channel.eventLoop()
                    .schedule(
                            () -> {
                                if (result.completeExceptionally(new TimeoutException(
                                        "no response from " + address + " within " + timeoutMs + " ms"))) {
                                    channel.close();
                                }
                            },
                            timeoutMs,
                            TimeUnit.MILLISECONDS);
            channel.attr(PENDING).set(result);
            result.whenComplete((response, failure) -> {
                timeout.cancel(false);
                channel.attr(PENDING).set(null);
                if (failure != null) {
                    channel.close();
                }
                pool.release(channel);
            });
            channel.writeAndFlush(request).addListener((ChannelFutureListener) written -> {
                if (!written.isSuccess()) {
                    result.completeExceptionally(written.cause());
                }
            });
        });
        return result;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Every connection to the upstream stayed busy for the whole timeout. */
    public static final class NoConnectionFreeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoConnectionFreeException(String address, long timeoutMs) {
            super("no connection to " + address + " became free within " + timeoutMs + " ms", null, false, false);
        }
    }
}
