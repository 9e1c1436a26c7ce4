package dev.stampede.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One connection slot of a pool: the channel currently open in it (if any), its one request in flight
 * and its response parse state. Event-loop-confined; every state change goes through the pool.
 *
 * <p>The request timeout uses one lazily rescheduled timer per slot rather than one per request: the
 * timer fires at the earliest possible deadline, and if the request in flight by then was sent later,
 * it is rescheduled for that request's deadline. Back-to-back fast requests schedule nothing.
 *
 * <p>Over TLS the slot is connected once the handshake is done and its ALPN result fits; one timer per
 * connect attempt holds TCP connect and handshake together to the connect timeout.
 */
final class Connection {

    enum State {
        DISCONNECTED,
        CONNECTING,
        IDLE,
        BUSY
    }

    /**
     * The response decoder's settings: header names and values are not validated. A client only needs a
     * response's framing (status line, Content-Length, Transfer-Encoding, Connection), which the decoder
     * still checks; validating every character of every header the target sends was a tenth of the
     * generator's Java time (profiled flat out against nginx).
     */
    private static final HttpDecoderConfig DECODER_CONFIG = new HttpDecoderConfig()
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

    private final ConnectionPool pool;
    private final Runnable timerTask = this::onTimer;
    State state = State.DISCONNECTED;
    Channel channel;
    Exchange inFlight;
    private long deadlineNanos;
    private boolean timerPending;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private boolean failing;
    private int status;
    private long bodyBytes;
    private boolean keepAlive;
    private boolean informational;
    /** The final response's headers while a listener waits for its end; null otherwise. */
    private io.netty.handler.codec.http.HttpHeaders responseHeaders;

    Connection(ConnectionPool pool) {
        this.pool = pool;
    }

    boolean mayConnect(long nowNanos) {
        return state == State.DISCONNECTED && backoff.mayTry(nowNanos);
    }

    void connect(Bootstrap template) {
        state = State.CONNECTING;
        failing = false;
        ChannelFuture future = template.clone().handler(new Init()).connect();
        Channel ch = future.channel();
        channel = ch;
        ch.closeFuture().addListener(f -> {
            if (channel == ch) {
                pool.onClosed(this);
            }
        });
        future.addListener(f -> {
            if (channel == ch && state == State.CONNECTING) {
                if (!f.isSuccess()) {
                    failConnect(ch, f.cause());
                } else if (pool.tls() == null) {
                    pool.onConnected(this);
                }
            }
        });
        if (pool.tls() != null) {
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
            pool.onConnected(this);
        }
    }

    private void failConnect(Channel ch, Throwable cause) {
        if (failing) {
            return; // closing may fail the handshake too, as "closed": the first reason stands
        }
        failing = true;
        pool.connectFailed(cause);
        ch.close(); // may already report through the close future
        if (channel == ch) {
            pool.onClosed(this);
        }
    }

    void resetBackoff() {
        backoff.reset();
    }

    void backOff(long nowNanos, long minNanos, long maxNanos) {
        backoff.failed(nowNanos, minNanos, maxNanos);
    }

    /** Hot path: writes the template's shared bytes; no allocation beyond the buffer duplicate. */
    void write(Exchange exchange, long nowNanos, long timeoutNanos) {
        state = State.BUSY;
        inFlight = exchange;
        status = 0;
        bodyBytes = 0;
        informational = false;
        exchange.sentNanos = nowNanos;
        deadlineNanos = nowNanos + timeoutNanos;
        if (!timerPending) {
            timerPending = true;
            channel.eventLoop().schedule(timerTask, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        channel.writeAndFlush(exchange.template.retainedBytes(), channel.voidPromise());
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }

    private void onTimer() {
        timerPending = false;
        if (inFlight == null) {
            return;
        }
        long now = pool.nowNanos();
        if (now - deadlineNanos < 0) {
            timerPending = true;
            pool.eventLoop().schedule(timerTask, deadlineNanos - now, TimeUnit.NANOSECONDS);
        } else {
            pool.onTimeout(this);
        }
    }

    private void onResponseHead(HttpResponse response) {
        status = response.status().code();
        informational = status >= 100 && status < 200 && status != 101;
        keepAlive = HttpUtil.isKeepAlive(response);
        Exchange exchange = inFlight;
        responseHeaders = !informational && exchange.template.listener() != null ? response.headers() : null;
    }

    private void onResponseEnd() {
        if (informational) {
            informational = false; // 100 Continue and friends: the real response follows
            return;
        }
        ResponseListener listener = inFlight.template.listener();
        if (listener != null && responseHeaders != null) {
            pool.notifyListener(listener, status, responseHeaders);
        }
        responseHeaders = null;
        pool.onResponse(this, status, bodyBytes, keepAlive);
    }

    private final class Init extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel ch) {
            TlsSetup tls = pool.tls();
            if (tls != null) {
                SslHandler ssl = tls.newHandler(ch.alloc(), pool.connectTimeoutNanos() / 1_000_000L + 1_000);
                ssl.handshakeFuture().addListener(f -> onHandshake(ch, ssl, f));
                ch.pipeline().addLast(ssl);
            }
            ch.pipeline()
                    .addLast(new HttpResponseDecoder(DECODER_CONFIG) {
                        @Override
                        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
                            Exchange e = inFlight;
                            return super.isContentAlwaysEmpty(msg) || (e != null && e.template.isHead());
                        }
                    })
                    .addLast(new Inbound(ch));
        }
    }

    private final class Inbound extends ChannelInboundHandlerAdapter {
        private final Channel ch;

        Inbound(Channel ch) {
            this.ch = ch;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (ch != channel) {
                    return; // a channel this slot already gave up (timed out, closed)
                }
                if (inFlight == null
                        || (msg instanceof HttpMessage m && m.decoderResult().isFailure())) {
                    pool.onProtocolError(Connection.this);
                    return;
                }
                if (msg instanceof HttpResponse response) {
                    onResponseHead(response);
                }
                if (msg instanceof HttpContent content) {
                    if (content.decoderResult().isFailure()) {
                        pool.onProtocolError(Connection.this);
                        return;
                    }
                    bodyBytes += content.content().readableBytes();
                    if (content instanceof LastHttpContent) {
                        onResponseEnd();
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Resets, write failures: closing ends the request in flight as CONNECTION_RESET.
            ctx.close();
        }
    }
}
