package dev.stampede.engine.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/2 server on 127.0.0.1, port 0, for the client's tests: cleartext with prior knowledge
 * ({@link #cleartext}) or TLS with {@code h2} agreed by ALPN ({@link #tls}, recording SNI names and the
 * protocols agreed). It announces {@code maxStreams} as {@code SETTINGS_MAX_CONCURRENT_STREAMS} and
 * records the most streams it saw open at once on one connection. By path: {@code /ok} 200 "hello",
 * {@code /missing} 404, {@code /delay} 200 after 20 ms, {@code /reset} a RST_STREAM, {@code /hold}
 * answered (200) only by {@link #releaseHeld()}.
 */
final class Http2TestServer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger maxOpenStreams = new AtomicInteger();
    private final Queue<String> sniNames = new ConcurrentLinkedQueue<>();
    private final Queue<String> protocols = new ConcurrentLinkedQueue<>();
    private final Queue<Held> held = new ConcurrentLinkedQueue<>();
    private final Semaphore heldSignal = new Semaphore(0);
    private final Queue<Streams> connections = new ConcurrentLinkedQueue<>();
    private final SslContext tls;
    private final int maxStreams;
    private final Channel server;

    private record Held(ChannelHandlerContext ctx, Http2FrameStream stream, Streams streams) {}

    private Http2TestServer(SslContext tls, int maxStreams) throws InterruptedException {
        this.tls = tls;
        this.maxStreams = maxStreams;
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connectionsAccepted.incrementAndGet();
                        children.add(ch);
                        if (tls == null) {
                            addHttp2(ch.pipeline());
                        } else {
                            ch.pipeline().addLast(TestCertificate.recordingSni(tls, sniNames));
                            ch.pipeline().addLast(new Negotiation());
                        }
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    /** HTTP/2 over cleartext, prior knowledge. */
    static Http2TestServer cleartext(int maxStreams) throws InterruptedException {
        return new Http2TestServer(null, maxStreams);
    }

    /** HTTP/2 over TLS with the test certificate; ALPN offers {@code h2} only. */
    static Http2TestServer tls(int maxStreams) throws InterruptedException {
        return new Http2TestServer(TestCertificate.server(ApplicationProtocolNames.HTTP_2), maxStreams);
    }

    String url() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:"
                + ((InetSocketAddress) server.localAddress()).getPort();
    }

    int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    int requests() {
        return requests.get();
    }

    /** The most streams open at once on one connection (received and not yet answered or reset). */
    int maxOpenStreams() {
        return maxOpenStreams.get();
    }

    Queue<String> sniNames() {
        return sniNames;
    }

    /** The protocols agreed by ALPN, one per TLS connection. */
    Queue<String> protocols() {
        return protocols;
    }

    /** Waits (up to 5 s) until {@code count} more requests are held. */
    boolean awaitHeld(int count) throws InterruptedException {
        return heldSignal.tryAcquire(count, 5, TimeUnit.SECONDS);
    }

    /** Answers every held request with 200 (those on streams the server has dropped go nowhere). */
    void releaseHeld() {
        for (Held h = held.poll(); h != null; h = held.poll()) {
            Held one = h;
            one.ctx.executor().execute(() -> one.streams.respond(one.ctx, one.stream, 200));
        }
    }

    /**
     * Sends GOAWAY (no error, the connection stays up) on every connection, naming the {@code
     * processed}-th stream it received there as the last one it takes.
     */
    void goAwayAfter(int processed) throws InterruptedException {
        for (Streams streams : connections) {
            streams.ctx.executor().submit(() -> streams.goAway(processed)).sync();
        }
    }

    /** Stops listening and closes every accepted connection at once; returns when all are closed. */
    void kill() throws InterruptedException {
        server.close().sync();
        children.close().sync();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private void addHttp2(ChannelPipeline pipeline) {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(maxStreams))
                .build();
        pipeline.addLast(codec).addLast(new Streams(codec));
    }

    private final class Negotiation extends ApplicationProtocolNegotiationHandler {
        Negotiation() {
            super("none");
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the client's tests look at what the client saw
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            protocols.add(protocol);
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                addHttp2(ctx.pipeline());
            } else {
                ctx.close();
            }
        }
    }

    /** One connection's streams: answers by path and counts the streams open at once. */
    private final class Streams extends ChannelInboundHandlerAdapter {
        private final Http2FrameCodec codec;
        private final List<Integer> streamIds = new ArrayList<>();
        private ChannelHandlerContext ctx;
        private int open;

        Streams(Http2FrameCodec codec) {
            this.codec = codec;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            ctx = context;
            connections.add(this);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }

        void goAway(int processed) {
            ChannelHandlerContext codecCtx = ctx.pipeline().context(codec);
            codec.goAway(
                    codecCtx,
                    streamIds.get(processed - 1),
                    Http2Error.NO_ERROR.code(),
                    Unpooled.EMPTY_BUFFER,
                    codecCtx.newPromise());
            codecCtx.flush();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame headers) {
                    onRequest(ctx, headers);
                } else if (msg instanceof Http2ResetFrame) {
                    open--;
                } else if (msg instanceof Http2DataFrame) {
                    // request bodies are not used by these tests
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onRequest(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
            requests.incrementAndGet();
            streamIds.add(frame.stream().id());
            open++;
            maxOpenStreams.accumulateAndGet(open, Math::max);
            Http2FrameStream stream = frame.stream();
            String path = String.valueOf(frame.headers().path());
            switch (path) {
                case "/ok" -> respond(ctx, stream, 200);
                case "/missing" -> respond(ctx, stream, 404);
                case "/delay" -> ctx.executor().schedule(() -> respond(ctx, stream, 200), 20, TimeUnit.MILLISECONDS);
                case "/reset" -> {
                    open--;
                    ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR).stream(stream));
                }
                case "/hold" -> {
                    held.add(new Held(ctx, stream, this));
                    heldSignal.release();
                }
                default -> respond(ctx, stream, 400);
            }
        }

        void respond(ChannelHandlerContext ctx, Http2FrameStream stream, int status) {
            open--;
            ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(Integer.toString(status)))
                    .stream(stream));
            ctx.writeAndFlush(
                    new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(TestHttpServer.HELLO), true).stream(stream));
        }
    }
}
