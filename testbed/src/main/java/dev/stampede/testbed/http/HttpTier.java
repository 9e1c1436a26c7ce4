package dev.stampede.testbed.http;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.metrics.TierMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tier of the chain: an HTTP/1.1 keep-alive server on loopback with its own name, handler and
 * metrics ({@code GET /metrics}). Starts bound; {@link #close()} stops accepting and closes connections.
 */
public final class HttpTier implements AutoCloseable {

    /** Largest request body a tier accepts (orders and logins are small; this only stops abuse). */
    static final int MAX_CONTENT_BYTES = 1 << 20;

    private final String name;
    private final TierHandler handler;
    private final TierMetrics metrics;
    private final NanoClock clock;
    private final AtomicLong connections = new AtomicLong();
    private volatile CompletionListener completionListener;
    private final Channel serverChannel;

    private HttpTier(
            String name,
            InetSocketAddress bind,
            EventLoopGroup group,
            TierHandler handler,
            TierMetrics metrics,
            NanoClock clock) {
        this.name = name;
        this.handler = handler;
        this.metrics = metrics;
        this.clock = clock;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_CONTENT_BYTES))
                                .addLast(new TierChannelHandler(HttpTier.this, connections.incrementAndGet()));
                    }
                });
        this.serverChannel = bootstrap.bind(bind).syncUninterruptibly().channel();
    }

    /**
     * Starts a tier listening on {@code bind} (port 0 picks a free port).
     *
     * @param name the tier's name in metrics and {@code Server-Timing}, e.g. {@code gateway-1}
     */
    public static HttpTier start(
            String name, InetSocketAddress bind, EventLoopGroup group, TierHandler handler, NanoClock clock) {
        return new HttpTier(name, bind, group, handler, new TierMetrics(name), clock);
    }

    /** Registers the listener told about every answered request (one per tier). */
    public HttpTier onCompletion(CompletionListener listener) {
        this.completionListener = listener;
        return this;
    }

    public String name() {
        return name;
    }

    /** The bound address (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://" + address().getAddress().getHostAddress() + ":"
                + address().getPort();
    }

    public TierMetrics metrics() {
        return metrics;
    }

    NanoClock clock() {
        return clock;
    }

    TierHandler handler() {
        return handler;
    }

    CompletionListener completionListener() {
        return completionListener;
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
