package dev.stampede.engine.http;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Which of Netty's transports the generator's sockets use: Linux's epoll through Netty's JNI library
 * where it loads (Linux on x86_64 or aarch64), else the JDK's selector (NIO).
 *
 * <p>Why epoll: per request it makes fewer system calls and runs less Java than the JDK's selector
 * (no selected-key set, no per-select bookkeeping), which is most of a single-core generator's budget.
 * The choice can be forced with {@code -Dstampede.transport=nio} (or {@code epoll}, which fails when the
 * library does not load), e.g. to compare the two.
 *
 * <p>A pool given an event loop group picks the matching socket class itself ({@link #socketChannelFor}),
 * so tests may hand it either kind of group.
 */
public enum NetTransport {
    /** Netty's native epoll transport. */
    EPOLL,
    /** The JDK's selector. */
    NIO;

    /** The system property that forces a transport: {@code epoll} or {@code nio}. */
    public static final String PROPERTY = "stampede.transport";

    /** The transport to use: the forced one, else epoll when its native library loads, else NIO. */
    public static NetTransport preferred() {
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "":
                return Epoll.isAvailable() ? EPOLL : NIO;
            case "nio":
                return NIO;
            case "epoll":
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException(
                            "-D" + PROPERTY + "=epoll, but Netty's epoll transport is not available here: "
                                    + Epoll.unavailabilityCause());
                }
                return EPOLL;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + ": expected epoll or nio");
        }
    }

    /** A group of {@code threads} event loops of this transport, on threads from {@code factory}. */
    public EventLoopGroup newGroup(int threads, ThreadFactory factory) {
        return new MultiThreadIoEventLoopGroup(
                threads, factory, this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** The client socket class of this transport. */
    public Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The server socket class of this transport. */
    public Class<? extends ServerSocketChannel> serverSocketChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The transport an event loop runs: epoll for an epoll loop, else NIO. */
    public static NetTransport of(EventLoop loop) {
        return loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class) ? EPOLL : NIO;
    }

    /** The client socket class that fits {@code loop}. */
    public static Class<? extends SocketChannel> socketChannelFor(EventLoop loop) {
        return of(loop).socketChannel();
    }

    /** The transport's name as the run report shows it: {@code epoll} or {@code nio}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
