package dev.stampede.engine.pipeline;

import dev.stampede.engine.http.NetTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 (a free port) inside this process, answering every request with
 * the same small 200 response: the target of a {@link Warmup}. Not for anything else.
 */
final class LoopbackServer implements AutoCloseable {

    private static final byte[] RESPONSE =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group;
    private final Channel server;

    LoopbackServer() throws InterruptedException {
        NetTransport transport = NetTransport.preferred();
        group = transport.newGroup(1, task -> {
            Thread thread = new Thread(task, "stampede-warmup-server");
            thread.setDaemon(true);
            return thread;
        });
        ByteBuf response = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(RESPONSE));
        try {
            server = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverSocketChannel())
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpServerCodec()).addLast(new Answer(response));
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    /** Answers each request once it has been read whole. */
    private static final class Answer extends SimpleChannelInboundHandler<LastHttpContent> {
        private final ByteBuf response;

        Answer(ByteBuf response) {
            this.response = response;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, LastHttpContent end) {
            ctx.writeAndFlush(response.duplicate(), ctx.voidPromise());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
