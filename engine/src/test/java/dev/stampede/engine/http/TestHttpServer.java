package dev.stampede.engine.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1, port 0, for the client's tests; over TLS when given a server
 * context (it then records the SNI name of every handshake). By path: {@code /ok} 200 with
 * body "hello", {@code /missing} 404, {@code /error} 500, {@code /close} 200 then closes, {@code /garbage} an unparsable status line, {@code /until-close}
 * 200 with a body that ends at the close, {@code /chunked} 200 with a chunked body "hello", {@code
 * /hold} answers 200 only when {@link #releaseHeld()} is called (or never). While {@linkplain #stall
 * stalled}, every request is held and answered (200) when the stall ends.
 */
public final class TestHttpServer implements AutoCloseable {

    static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<ChannelHandlerContext> held = new ConcurrentLinkedQueue<>();
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
    private final Queue<String> sniNames = new ConcurrentLinkedQueue<>();
    private final SslContext tls;
    private final Channel server;
    private final AtomicInteger resets = new AtomicInteger();

    public TestHttpServer() throws InterruptedException {
        this(null);
    }

    /** A server speaking HTTP/1.1 over TLS with {@code tls}, or cleartext for {@code null}. */
    public TestHttpServer(SslContext tls) throws InterruptedException {
        this.tls = tls;
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connectionsAccepted.incrementAndGet();
                        children.add(ch);
                        if (tls != null) {
                            ch.pipeline().addLast(TestCertificate.recordingSni(tls, sniNames));
                        }
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 16))
                                .addLast(new Handler());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    public String url() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port();
    }

    /** The SNI names clients sent, one per TLS handshake ("" for none). */
    Queue<String> sniNames() {
        return sniNames;
    }

    public int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    int requests() {
        return requests.get();
    }

    boolean awaitFirstHeld() throws InterruptedException {
        return firstHeld.await(5, TimeUnit.SECONDS);
    }

    int heldCount() {
        return held.size();
    }

    void releaseHeld() {
        for (ChannelHandlerContext ctx = held.poll(); ctx != null; ctx = held.poll()) {
            ChannelHandlerContext c = ctx;
            c.executor().execute(() -> c.writeAndFlush(response(HttpResponseStatus.OK, false)));
        }
    }

    /** Holds every request from {@code afterMillis} from now for {@code lengthMillis}, then answers them all. */
    public void stall(long afterMillis, long lengthMillis) {
        group.schedule(() -> stalled.set(true), afterMillis, TimeUnit.MILLISECONDS);
        group.schedule(
                () -> {
                    stalled.set(false);
                    releaseHeld();
                },
                afterMillis + lengthMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Kills the server {@code afterMillis} from now (see {@link #kill()}). */
    public void killAfter(long afterMillis) {
        group.schedule(
                () -> {
                    server.close();
                    children.close();
                },
                afterMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops listening and closes every accepted connection; returns when all are closed. */
    void kill() throws InterruptedException {
        server.close().sync();
        children.close().sync();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static FullHttpResponse response(HttpResponseStatus status, boolean close) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(HELLO));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.length);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    /** Writes {@code response} as it is, past the encoder. */
    private static io.netty.channel.ChannelFuture raw(ChannelHandlerContext ctx, String response) {
        return ctx.pipeline().firstContext().writeAndFlush(Unpooled.copiedBuffer(response, StandardCharsets.UTF_8));
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // failed handshakes, resets: the client's tests look at what the client saw
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            requests.incrementAndGet();
            if (stalled.get()) {
                held.add(ctx);
                return;
            }
            switch (request.uri()) {
                case "/ok" -> ctx.writeAndFlush(response(HttpResponseStatus.OK, false));
                case "/missing" -> ctx.writeAndFlush(response(HttpResponseStatus.NOT_FOUND, false));
                case "/error" -> ctx.writeAndFlush(response(HttpResponseStatus.INTERNAL_SERVER_ERROR, false));
                case "/close" ->
                    ctx.writeAndFlush(response(HttpResponseStatus.OK, true)).addListener(f -> ctx.close());
                case "/garbage" ->
                    ctx.pipeline() // bypass the encoder: bytes no HTTP parser accepts
                            .firstContext()
                            .writeAndFlush(
                                    Unpooled.copiedBuffer("HTTP/1.1 abc nonsense\r\n\r\n", StandardCharsets.UTF_8));
                case "/until-close" -> // no length, not chunked: the body ends when the connection closes
                    raw(ctx, "HTTP/1.1 200 OK\r\nServer: test\r\n\r\nhello, until close")
                            .addListener(f -> ctx.close());
                case "/chunked" ->
                    raw(
                            ctx,
                            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: 1\r\n\r\n");
                case "/reset5" -> { // every fifth request on this path: the connection is reset (RST)
                    if (resets.incrementAndGet() % 5 == 0) {
                        ctx.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
                        ctx.close();
                    } else {
                        ctx.writeAndFlush(response(HttpResponseStatus.OK, false));
                    }
                }
                case "/hold" -> {
                    held.add(ctx);
                    firstHeld.countDown();
                }
                default -> ctx.writeAndFlush(response(HttpResponseStatus.BAD_REQUEST, false));
            }
        }
    }
}
