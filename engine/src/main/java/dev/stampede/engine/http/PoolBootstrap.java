package dev.stampede.engine.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * How every pool connects to its target: the target's address resolved once (a host that does not
 * resolve fails the pool's construction, before anything is sent), and a Netty {@link Bootstrap} on the
 * pool's event loop with the socket class of the loop's transport ({@link NetTransport}), no Nagle
 * delay, and the connect timeout rounded up to whole milliseconds (Netty's unit).
 */
final class PoolBootstrap {

    private PoolBootstrap() {}

    /** The bootstrap a pool on {@code loop} opens its connections to {@code target} with. */
    static Bootstrap forTarget(HttpTarget target, EventLoop loop, ClientOptions options) {
        InetSocketAddress address = new InetSocketAddress(target.connectHost(), target.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + target.host() + "' of " + target);
        }
        int connectTimeoutMillis =
                (int) Math.min(Integer.MAX_VALUE, (options.connectTimeoutNanos() + 999_999L) / 1_000_000L);
        return new Bootstrap()
                .group(loop)
                .channel(NetTransport.socketChannelFor(loop))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .remoteAddress(address);
    }
}
