package dev.stampede.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.engine.http.ClientOptions;
import dev.stampede.engine.http.ConnectionPool;
import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.SendResult;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model sessions against a loopback server that logs users in with a {@code SESSION} cookie: the login's
 * response reaches the session through the connection pool's event loop, and the session's later
 * requests carry the cookie the server gave it.
 */
@Timeout(30)
class ModelSourceLoopbackTest {

    @TempDir
    Path dir;

    @Test
    void sessionsSendTheCookieTheirLoginGot() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger logins = new AtomicInteger();
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(1 << 16))
                                    .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest r) {
                                            FullHttpResponse response = new DefaultFullHttpResponse(
                                                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);
                                            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                                            if (r.uri().equals("/api/login")) {
                                                response.headers()
                                                        .add(
                                                                HttpHeaderNames.SET_COOKIE,
                                                                "SESSION=live" + logins.incrementAndGet()
                                                                        + "; Path=/; HttpOnly");
                                            } else {
                                                seen.add(r.headers().get(HttpHeaderNames.COOKIE));
                                            }
                                            ctx.writeAndFlush(response);
                                        }
                                    });
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
            HttpTarget target = HttpTarget.parse("http://127.0.0.1:" + port);
            ModelSource source = new ModelSource(
                    TestModels.withLogin(),
                    null,
                    ModelSourceOptions.of(10).withTestAccounts(TestModels.accounts(dir)),
                    new RequestShaper(target, Rewrite.NONE, Marks.DEFAULT, "loopback"));
            ModelSlot slot = source.newSlot();
            source.start(0);
            try (ConnectionPool pool =
                    new ConnectionPool(target, 1, group, ClientOptions.defaults(), NanoClock.system())) {
                for (long n = 0; n < 60; n++) {
                    long intended = source.next(slot);
                    CompletableFuture<SendResult> done = new CompletableFuture<>();
                    pool.send(
                            source.build(slot, n),
                            slot.endpoint,
                            intended,
                            (e, i, s, d, status, b, result) -> done.complete(result));
                    assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(SendResult.OK);
                }
            }
            assertThat(source.requestsWithoutCookie()).isZero();
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }

        assertThat(logins.get()).isGreaterThan(5);
        assertThat(seen)
                .hasSizeGreaterThan(20)
                .allMatch(cookie -> cookie != null && cookie.matches("SESSION=live\\d+"));
    }
}
