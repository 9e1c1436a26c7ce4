package dev.stampede.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
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

    private final ConnectionPool pool;
    private final Runnable timerTask = this::onTimer;
    State state = State.DISCONNECTED;
    Channel channel;
    Exchange inFlight;
    private long deadlineNanos;
    private boolean timerPending;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private boolean failing;
    private final ResponseParser parser = new ResponseParser();

    Connection(ConnectionPool pool) {
        this.pool = pool;
    }

    boolean mayConnect(long nowNanos) {
        return state == State.DISCONNECTED && backoff.mayTry(nowNanos);
    }

    void connect(Bootstrap template) {
        state = State.CONNECTING;
        failing = false;
        parser.reset();
        ChannelFuture future = template.clone().handler(new Init()).connect();
        Channel ch = future.channel();
        channel = ch;
        ch.closeFuture().addListener(f -> {
            if (channel == ch) {
                if (inFlight != null && parser.endAtClose()) {
                    onResponseEnd(); // a body delimited by the close
                }
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
        parser.expect(exchange.template.isHead(), exchange.template.listener() != null);
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

    /** Hot path: a final response was parsed; tells the listener (if any), then the pool. */
    private void onResponseEnd() {
        ResponseListener listener = inFlight.template.listener();
        if (listener != null && parser.headers() != null) {
            pool.notifyListener(listener, parser.status(), parser.headers());
        }
        pool.onResponse(this, parser.status(), parser.bodyBytes(), parser.keepAlive());
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
            ch.pipeline().addLast(new Inbound(ch));
        }
    }

    private final class Inbound extends ChannelInboundHandlerAdapter {
        private final Channel ch;

        Inbound(Channel ch) {
            this.ch = ch;
        }

        /**
         * Hot path: feeds the bytes to the parser; each complete response goes to the pool, which may
         * write the next request before the rest of the buffer is read (as the response to it).
         */
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                ByteBuf in = (ByteBuf) msg;
                while (ch == channel && in.isReadable()) {
                    int result = parser.parse(in);
                    if (result == ResponseParser.NEED_MORE) {
                        if (inFlight == null && !parser.idle()) {
                            pool.onProtocolError(Connection.this); // part of a response nobody asked for
                        }
                        return;
                    }
                    if (result == ResponseParser.ERROR || inFlight == null) {
                        pool.onProtocolError(Connection.this);
                        return;
                    }
                    onResponseEnd();
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
