package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetTransportTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(NetTransport.PROPERTY);
    }

    @Test
    void epollWhereItLoadsElseNio() {
        assertThat(NetTransport.preferred()).isEqualTo(Epoll.isAvailable() ? NetTransport.EPOLL : NetTransport.NIO);
    }

    @Test
    void onLinuxTheNativeLibraryLoads() {
        String arch = System.getProperty("os.arch");
        assumeTrue(
                System.getProperty("os.name").startsWith("Linux") && ("amd64".equals(arch) || "aarch64".equals(arch)));
        assertThat(Epoll.isAvailable()).as("%s", Epoll.unavailabilityCause()).isTrue();
    }

    @Test
    void thePropertyForcesATransportAndRejectsOthers() {
        System.setProperty(NetTransport.PROPERTY, "NIO");
        assertThat(NetTransport.preferred()).isEqualTo(NetTransport.NIO);
        System.setProperty(NetTransport.PROPERTY, "kqueue");
        assertThatThrownBy(NetTransport::preferred)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected epoll or nio");
    }

    @Test
    void aPoolTakesTheSocketClassOfItsLoop() throws InterruptedException {
        for (NetTransport transport :
                Epoll.isAvailable() ? NetTransport.values() : new NetTransport[] {NetTransport.NIO}) {
            EventLoopGroup group = transport.newGroup(1, Thread::new);
            try {
                assertThat(NetTransport.of(group.next())).isEqualTo(transport);
                assertThat(NetTransport.socketChannelFor(group.next()))
                        .isEqualTo(transport == NetTransport.EPOLL ? EpollSocketChannel.class : NioSocketChannel.class);
            } finally {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
            }
        }
    }
}
