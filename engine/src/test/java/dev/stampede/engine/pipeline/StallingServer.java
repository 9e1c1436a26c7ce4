package dev.stampede.engine.pipeline;

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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback HTTP server answering 200 at once, except while stalled: then it holds every request and
 * answers them all when the stall ends. Can be killed (stops listening, closes every connection).
 */
final class StallingServer implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Queue<ChannelHandlerContext> held = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final Channel server;

    StallingServer() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        children.add(ch);
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

    String url() {
        return "http://127.0.0.1:" + ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /** Stalls from {@code afterMillis} from now for {@code lengthMillis}. */
    void stall(long afterMillis, long lengthMillis) {
        group.schedule(() -> stalled.set(true), afterMillis, TimeUnit.MILLISECONDS);
        group.schedule(this::release, afterMillis + lengthMillis, TimeUnit.MILLISECONDS);
    }

    /** Kills the server after {@code afterMillis}. */
    void killAfter(long afterMillis) {
        group.schedule(
                () -> {
                    server.close();
                    children.close();
                },
                afterMillis,
                TimeUnit.MILLISECONDS);
    }

    private void release() {
        stalled.set(false);
        for (ChannelHandlerContext ctx = held.poll(); ctx != null; ctx = held.poll()) {
            ChannelHandlerContext c = ctx;
            c.executor().execute(() -> c.writeAndFlush(ok()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        children.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private static FullHttpResponse ok() {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                Unpooled.wrappedBuffer("ok".getBytes(StandardCharsets.UTF_8)));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
        return response;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (stalled.get()) {
                held.add(ctx);
            } else {
                ctx.writeAndFlush(ok());
            }
        }
    }
}
