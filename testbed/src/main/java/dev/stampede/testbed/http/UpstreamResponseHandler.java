package dev.stampede.testbed.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Completes the pending request of an upstream connection with its response, or with its failure. */
final class UpstreamResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    UpstreamResponseHandler() {
        super(false); // the response is handed to the waiting caller, who releases it
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        CompletableFuture<FullHttpResponse> pending =
                ctx.channel().attr(UpstreamClient.PENDING).get();
        boolean keepAlive = HttpUtil.isKeepAlive(response);
        if (!keepAlive) {
            // The upstream will close; keep this connection out of the pool.
            ctx.channel().close();
        }
        if (pending == null || !pending.complete(response)) {
            response.release(); // it timed out meanwhile: nobody wants it
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, new IOException("upstream closed the connection"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
        ctx.close();
    }

    private static void fail(ChannelHandlerContext ctx, Throwable cause) {
        CompletableFuture<FullHttpResponse> pending =
                ctx.channel().attr(UpstreamClient.PENDING).get();
        if (pending != null) {
            pending.completeExceptionally(cause);
        }
    }
}
