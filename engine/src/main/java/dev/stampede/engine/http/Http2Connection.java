package dev.stampede.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection slot of an {@link Http2ConnectionPool}: the channel open in it (if any), its streams in
 * flight by id, and Netty's {@link Http2ConnectionHandler} with this slot's frame listener (no child
 * channel or frame object per stream). Event-loop-confined; every state change goes through the pool.
 *
 * <p>The slot is open once TCP, TLS (with {@code h2} agreed by ALPN) and the server's first SETTINGS are
 * done, all within the connect timeout (one timer per connect attempt). How many streams it takes at
 * once: the client's {@link ClientOptions#maxStreamsPerConnection()}, lowered by the server's {@code
 * SETTINGS_MAX_CONCURRENT_STREAMS}, and never more than Netty counts as active (a stream ended by its
 * response is still active until Netty closes it, so a freed stream is used from {@link #requestPump()},
 * after the close).
 */
final class Http2Connection {

    enum State {
        DISCONNECTED,
        CONNECTING,
        OPEN
    }

    private final Http2ConnectionPool pool;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private final IntObjectHashMap<Exchange> streams = new IntObjectHashMap<>();
    private final Runnable pumpTask = this::pump;
    State state = State.DISCONNECTED;
    Channel channel;
    /** GOAWAY received or stream ids used up: no new streams; closes when the last one ends. */
    boolean draining;
    /** In the pool's queue of connections with a free stream. */
    boolean listed;

    private Http2ConnectionHandler handler;
    private ChannelHandlerContext ctx;
    private boolean pumpScheduled;
    private boolean failureNoted;

    Http2Connection(Http2ConnectionPool pool) {
        this.pool = pool;
    }

    boolean mayConnect(long nowNanos) {
        return state == State.DISCONNECTED && backoff.mayTry(nowNanos);
    }

    void connect(Bootstrap template) {
        state = State.CONNECTING;
        draining = false;
        failureNoted = false;
        handler = null;
        ctx = null;
        ChannelFuture future = template.clone().handler(new Init()).connect();
        Channel ch = future.channel();
        channel = ch;
        ch.closeFuture().addListener(f -> {
            if (channel == ch) {
                if (state == State.CONNECTING && !failureNoted) {
                    pool.connectFailed(new IllegalStateException("the connection closed before the server's HTTP/2"
                            + " SETTINGS (does it speak HTTP/2" + (pool.tls() == null ? " with prior knowledge" : "")
                            + "?)"));
                }
                pool.onClosed(this);
            }
        });
        future.addListener(f -> {
            if (channel == ch && state == State.CONNECTING && !f.isSuccess()) {
                failConnect(ch, f.cause());
            }
        });
        pool.eventLoop()
                .schedule(
                        () -> {
                            if (channel == ch && state == State.CONNECTING) {
                                failConnect(ch, new ConnectTimeoutException(pool.connectTimeoutNanos()));
                            }
                        },
                        pool.connectTimeoutNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void failConnect(Channel ch, Throwable cause) {
        if (!failureNoted) { // the first reason: closing may fail the handshake too, as "closed"
            failureNoted = true;
            pool.connectFailed(cause);
        }
        ch.close();
        if (channel == ch) {
            // TLS may hold the close back (close_notify): the slot is free now, not when the socket is.
            pool.onClosed(this);
        }
    }

    void resetBackoff() {
        backoff.reset();
    }

    void backOff(long nowNanos, long minNanos, long maxNanos) {
        backoff.failed(nowNanos, minNanos, maxNanos);
    }

    int streamCount() {
        return streams.size();
    }

    /** The most streams open at once: the client's cap, lowered by the server's SETTINGS. */
    int streamLimit() {
        return Math.min(
                pool.maxStreamsPerConnection(), handler.connection().local().maxActiveStreams());
    }

    /** Whether a new stream may start here now. Hot path: no allocation. */
    boolean canTake() {
        return state == State.OPEN
                && !draining
                && streams.size() < streamLimit()
                && handler.connection().local().canOpenStream();
    }

    /**
     * Starts one stream for {@code exchange}: HEADERS from the template's prebuilt block (END_STREAM
     * unless there is a body), then the body as one DATA frame. Does not flush. Hot path: Netty's stream
     * object, a promise per frame and a body slice; the header block is shared.
     *
     * @return false when this connection has used up its stream ids (it drains; send elsewhere)
     */
    boolean write(Exchange exchange) {
        int streamId = handler.connection().local().incrementAndGetNextStreamId();
        if (streamId <= 0) {
            draining = true;
            return false;
        }
        exchange.connection = this;
        exchange.streamId = streamId;
        streams.put(streamId, exchange);
        RequestTemplate template = exchange.template;
        boolean body = template.hasBody();
        handler.encoder().writeHeaders(ctx, streamId, template.http2Headers(), 0, !body, ctx.newPromise());
        if (body) {
            handler.encoder().writeData(ctx, streamId, template.retainedBody(), 0, true, ctx.newPromise());
        }
        return true;
    }

    /** Writes what {@link #write} queued (and flow control lets through). */
    void flush() {
        handler.flush(ctx);
    }

    /** Forgets a stream that ended (response, timeout, reset); the caller finishes its exchange. */
    void remove(Exchange exchange) {
        streams.remove(exchange.streamId);
    }

    /** Cancels a stream this client gave up on (timeout, bad response): RST_STREAM, then flush. */
    void reset(int streamId, Http2Error error) {
        if (channel != null && channel.isActive()) {
            handler.encoder().writeRstStream(ctx, streamId, error.code(), ctx.newPromise());
            flush();
        }
    }

    /** Removes and returns every stream in flight (the connection is gone or going). */
    List<Exchange> takeAll() {
        List<Exchange> all = new ArrayList<>(streams.values());
        streams.clear();
        return all;
    }

    /** Removes and returns the streams above {@code lastStreamId} (a GOAWAY said they were not processed). */
    List<Exchange> takeAbove(int lastStreamId) {
        List<Exchange> above = new ArrayList<>();
        for (Exchange exchange : streams.values()) {
            if (exchange.streamId > lastStreamId) {
                above.add(exchange);
            }
        }
        for (Exchange exchange : above) {
            streams.remove(exchange.streamId);
        }
        return above;
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * Asks the pool to use this connection's free streams once the current event-loop task is done (a
     * stream closed, the limit rose, the connection opened); at most one pending task per connection.
     */
    void requestPump() {
        if (!pumpScheduled) {
            pumpScheduled = true;
            try {
                pool.eventLoop().execute(pumpTask);
            } catch (RejectedExecutionException e) {
                pumpScheduled = false; // the event loop is shutting down, and the connection with it
            }
        }
    }

    private void pump() {
        pumpScheduled = false;
        pool.onFreeStreams(this);
    }

    private void onHandshake(Channel ch, SslHandler ssl, Future<?> handshake) {
        if (channel != ch || state != State.CONNECTING) {
            return;
        }
        String mismatch = handshake.isSuccess() ? pool.tls().protocolMismatch(ssl) : null;
        if (!handshake.isSuccess()) {
            failConnect(ch, handshake.cause());
        } else if (mismatch != null) {
            failConnect(ch, new IllegalStateException(mismatch));
        } else {
            ch.pipeline().addBefore(Tail.NAME, null, newHandler(ch));
        }
    }

    private Http2ConnectionHandler newHandler(Channel ch) {
        Http2ConnectionHandler built = new Http2ConnectionHandlerBuilder()
                .server(false)
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false))
                .gracefulShutdownTimeoutMillis(0)
                .frameListener(new Frames(ch))
                .build();
        built.connection().addListener(new Streams(ch));
        handler = built;
        return built;
    }

    /** The response's regular headers as HTTP/1.1 headers, for a listener (rare: logins of a replay). */
    private static io.netty.handler.codec.http.HttpHeaders http1Headers(Http2Headers headers) {
        io.netty.handler.codec.http.HttpHeaders converted = new io.netty.handler.codec.http.DefaultHttpHeaders();
        for (java.util.Map.Entry<CharSequence, CharSequence> header : headers) {
            if (header.getKey().length() > 0 && header.getKey().charAt(0) != ':') {
                converted.add(header.getKey(), header.getValue());
            }
        }
        return converted;
    }

    private static int parseStatus(CharSequence status) {
        if (status == null || status.length() != 3) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code >= 100 ? code : -1;
    }

    private static boolean informational(int status) {
        return status >= 100 && status < 200;
    }

    private final class Init extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel ch) {
            TlsSetup tls = pool.tls();
            if (tls != null) {
                SslHandler ssl = tls.newHandler(ch.alloc(), pool.connectTimeoutNanos() / 1_000_000L + 1_000);
                ssl.handshakeFuture().addListener(f -> onHandshake(ch, ssl, f));
                ch.pipeline().addLast(ssl);
                ch.pipeline().addLast(Tail.NAME, new Tail(ch));
            } else {
                ch.pipeline().addLast(newHandler(ch));
                ch.pipeline().addLast(Tail.NAME, new Tail(ch));
            }
        }
    }

    /** Responses, settings and GOAWAY from the server, for this slot's current channel only. */
    private final class Frames extends Http2FrameAdapter {
        private final Channel ch;

        Frames(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void onSettingsRead(ChannelHandlerContext context, Http2Settings settings) {
            if (channel != ch) {
                return;
            }
            if (state == State.CONNECTING) {
                ctx = ch.pipeline().context(handler);
                pool.onConnected(Http2Connection.this);
            } else {
                pool.onStreamLimitChanged(Http2Connection.this);
            }
        }

        @Override
        public void onHeadersRead(
                ChannelHandlerContext context, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
            Exchange exchange = channel == ch ? streams.get(streamId) : null;
            if (exchange == null) {
                return; // timed out and reset already, or not ours
            }
            if (exchange.status == 0 || informational(exchange.status)) {
                int status = parseStatus(headers.status());
                if (status < 0 || (endOfStream && informational(status))) {
                    pool.onBadResponse(Http2Connection.this, exchange);
                    return;
                }
                exchange.status = status;
                ResponseListener listener = exchange.template.listener();
                if (listener != null && !informational(status)) {
                    pool.notifyListener(listener, status, http1Headers(headers));
                }
            }
            if (endOfStream) {
                pool.onResponse(Http2Connection.this, exchange);
            }
        }

        @Override
        public void onHeadersRead(
                ChannelHandlerContext context,
                int streamId,
                Http2Headers headers,
                int streamDependency,
                short weight,
                boolean exclusive,
                int padding,
                boolean endOfStream) {
            onHeadersRead(context, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(
                ChannelHandlerContext context, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            int processed = data.readableBytes() + padding; // returned at once: flow control never stalls
            Exchange exchange = channel == ch ? streams.get(streamId) : null;
            if (exchange == null) {
                return processed;
            }
            if (exchange.status == 0 || informational(exchange.status)) {
                pool.onBadResponse(Http2Connection.this, exchange); // a body before the final status
                return processed;
            }
            exchange.bodyBytes += data.readableBytes();
            if (endOfStream) {
                pool.onResponse(Http2Connection.this, exchange);
            }
            return processed;
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext context, int lastStreamId, long errorCode, ByteBuf debugData) {
            if (channel == ch) {
                pool.onGoAway(Http2Connection.this, lastStreamId);
            }
        }
    }

    /** Stream closes (the catch-all for streams that ended without a response) and GOAWAYs sent. */
    private final class Streams extends Http2ConnectionAdapter {
        private final Channel ch;

        Streams(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void onStreamClosed(Http2Stream stream) {
            if (channel != ch) {
                return;
            }
            Exchange exchange = streams.get(stream.id());
            if (exchange != null) {
                pool.onStreamEnded(Http2Connection.this, exchange, ch.isActive() && !draining);
            }
            requestPump();
        }

        @Override
        public void onGoAwaySent(int lastStreamId, long errorCode, ByteBuf debugData) {
            // Netty sends GOAWAY on a connection error, with the reason as debug data.
            if (channel == ch && state == State.CONNECTING && errorCode != Http2Error.NO_ERROR.code()) {
                failureNoted = true;
                pool.connectFailed(new IllegalStateException(
                        "HTTP/2 connection error: " + debugData.toString(StandardCharsets.UTF_8)));
            }
        }
    }

    /** Closes the connection on errors no handler before it dealt with (resets, write failures). */
    private final class Tail extends ChannelInboundHandlerAdapter {
        static final String NAME = "stampede-h2-tail";
        private final Channel ch;

        Tail(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (channel == ch && state == State.CONNECTING) {
                failConnect(ch, cause);
            } else {
                context.close(); // in-flight streams end as CONNECTION_RESET
            }
        }
    }
}
