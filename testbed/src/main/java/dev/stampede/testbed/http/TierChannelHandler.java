package dev.stampede.testbed.http;

import dev.stampede.testbed.metrics.TierMetrics;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Per connection: hands each request to the tier's handler, writes its response from the event loop,
 * adds the tier's {@code Server-Timing} entry, records metrics, and serves {@code /metrics}. Reading
 * pauses while a request is being answered, so responses can never overtake each other.
 */
final class TierChannelHandler extends ChannelInboundHandlerAdapter {

    private final HttpTier tier;
    private final long connectionSerial;

    TierChannelHandler(HttpTier tier, long connectionSerial) {
        this.tier = tier;
        this.connectionSerial = connectionSerial;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest http)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.channel().config().setAutoRead(false);
        TierRequest request = new TierRequest(http, remoteIp(ctx), tier.clock().nanoTime(), connectionSerial);
        tier.metrics().requestStarted();
        if (!http.decoderResult().isSuccess()) {
            request.route("malformed");
            finish(ctx, request, Replies.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"), false);
            return;
        }
        if (request.method().equals(HttpMethod.GET) && "/metrics".equals(request.path())) {
            request.route("GET /metrics");
            finish(
                    ctx,
                    request,
                    Replies.text(
                            HttpResponseStatus.OK,
                            TierMetrics.CONTENT_TYPE,
                            tier.metrics().render()),
                    HttpUtil.isKeepAlive(http));
            return;
        }
        CompletionStage<FullHttpResponse> answer;
        try {
            answer = tier.handler().handle(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        answer.whenComplete((response, failure) -> {
            FullHttpResponse toSend = failure == null ? response : failureResponse(failure);
            if (ctx.executor().inEventLoop()) {
                finish(ctx, request, toSend, keepAlive);
            } else {
                ctx.executor().execute(() -> finish(ctx, request, toSend, keepAlive));
            }
        });
    }

    private void finish(ChannelHandlerContext ctx, TierRequest request, FullHttpResponse response, boolean keepAlive) {
        long durationNanos = tier.clock().nanoTime() - request.startNanos();
        ServerTiming.append(response.headers(), tier.name(), durationNanos);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        long bodyBytes = response.content().readableBytes();
        long headerBytes = WireSize.of(response);
        int status = response.status().code();
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            long endNanos = tier.clock().nanoTime();
            tier.metrics().requestFinished(request.route(), status, endNanos - request.startNanos());
            CompletionListener listener = tier.completionListener();
            try {
                if (listener != null && written.isSuccess()) {
                    listener.completed(request, response, bodyBytes, headerBytes, endNanos);
                }
            } finally {
                request.http().release();
            }
            if (!keepAlive || !written.isSuccess()) {
                written.channel().close();
            } else {
                written.channel().config().setAutoRead(true);
                written.channel().read();
            }
        });
    }

    private static FullHttpResponse failureResponse(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Replies.BadRequestException) {
            return Replies.error(HttpResponseStatus.BAD_REQUEST, cause.getMessage());
        }
        return Replies.json(
                HttpResponseStatus.INTERNAL_SERVER_ERROR,
                Map.of("error", "internal error", "detail", String.valueOf(cause)));
    }

    private static String remoteIp(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress().getHostAddress();
        }
        return "-";
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or garbage from a client ends that connection only; the tier keeps serving.
        ctx.close();
    }

    /** Header bytes of a response as HTTP/1.1 writes them: status line, header lines, blank line. */
    static final class WireSize {
        private WireSize() {}

        static long of(HttpResponse response) {
            long size = response.protocolVersion().text().length()
                    + 1
                    + response.status().codeAsText().length()
                    + 1
                    + response.status().reasonPhrase().length()
                    + 2;
            for (Map.Entry<String, String> header : response.headers()) {
                size += header.getKey().length() + 2 + header.getValue().length() + 2;
            }
            return size + 2;
        }
    }
}
