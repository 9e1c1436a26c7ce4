package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP/2 pool against a real Netty HTTP/2 server on loopback: lower bounds only, latches, no sleeps. */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Http2ConnectionPoolTest {

    private static final long MS = 1_000_000L;
    private static final ClientOptions H2C = ClientOptions.defaults().withProtocol(HttpProtocol.H2C);

    private final NanoClock clock = NanoClock.system();
    private EventLoopGroup group;
    private Http2TestServer server;
    private HttpTarget target;

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private void serve(Http2TestServer started) {
        server = started;
        target = HttpTarget.parse(started.url());
    }

    private Http2ConnectionPool pool(int connections, ClientOptions options) {
        return new Http2ConnectionPool(target, connections, group, options, clock);
    }

    @Test
    void h2cRequestsEndWithTheirStatusesAndBodiesAreWrittenFromTheSharedBytes() throws Exception {
        serve(Http2TestServer.cleartext(100));
        RequestTemplate[] templates = {
            RequestTemplate.get(target, "/ok"),
            RequestTemplate.get(target, "/missing"),
            RequestTemplate.builder(target, "POST", "/ok")
                    .body("{\"qty\":1}".getBytes(StandardCharsets.UTF_8))
                    .build()
        };
        Recording recording = new Recording(300);
        try (Http2ConnectionPool pool = pool(1, H2C)) {
            for (int id = 0; id < 300; id++) {
                pool.send(templates[id % 3], id % 3, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            assertThat(pool.outstanding()).isZero();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        for (int id = 0; id < 300; id++) {
            int endpoint = id % 3;
            assertThat(recording.status(id)).isEqualTo(endpoint == 1 ? 404 : 200);
            assertThat(recording.result(id)).isEqualTo(endpoint == 1 ? SendResult.HTTP_STATUS : SendResult.OK);
            assertThat(recording.bodyBytes(id)).isEqualTo(TestHttpServer.HELLO.length);
            assertThat(recording.doneNanos(id)).isGreaterThanOrEqualTo(recording.sentNanos(id));
        }
        assertThat(server.requests()).isEqualTo(300);
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        assertThat(templates[2].sharedRefCnt()).isEqualTo(1); // every body slice was released
    }

    @Test
    void h2OverTlsAgreesOnH2ByAlpnAndSendsTheSniName() throws Exception {
        serve(Http2TestServer.tls(100));
        ClientOptions options =
                ClientOptions.defaults().withProtocol(HttpProtocol.H2).withTls(new TlsOptions(true, "shop.test"));
        Recording recording = new Recording(50);
        try (Http2ConnectionPool pool = pool(2, options)) {
            RequestTemplate ok = RequestTemplate.get(target, "/ok");
            for (int id = 0; id < 50; id++) {
                pool.send(ok, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 50)).isEqualTo(Map.of(SendResult.OK, 50));
        assertThat(server.protocols()).containsOnly("h2");
        assertThat(server.sniNames()).isNotEmpty().containsOnly("shop.test");
    }

    @Test
    void concurrentRequestsShareOneConnection() throws Exception {
        serve(Http2TestServer.cleartext(100));
        Recording recording = new Recording(20);
        try (Http2ConnectionPool pool = pool(4, H2C)) {
            RequestTemplate hold = RequestTemplate.get(target, "/hold");
            for (int id = 0; id < 20; id++) {
                pool.send(hold, 0, id, recording);
            }
            assertThat(server.awaitHeld(20)).isTrue(); // all 20 open at the server at the same time
            assertThat(server.maxOpenStreams()).isEqualTo(20);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
            assertThat(pool.openConnections()).isEqualTo(1);
            server.releaseHeld();
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 20)).isEqualTo(Map.of(SendResult.OK, 20));
    }

    @Test
    void requestsBeyondTheServersStreamLimitWaitForAFreeStream() throws Exception {
        serve(Http2TestServer.cleartext(2));
        Recording recording = new Recording(10);
        try (Http2ConnectionPool pool = pool(1, H2C)) {
            RequestTemplate delay = RequestTemplate.get(target, "/delay"); // answered 20 ms later
            for (int id = 0; id < 10; id++) {
                pool.send(delay, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        // a stream beyond the limit would have been refused (PROTOCOL_ERROR), not answered
        assertThat(recording.counts(0, 10)).isEqualTo(Map.of(SendResult.OK, 10));
        assertThat(server.maxOpenStreams()).isEqualTo(2);
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aStalledStreamTimesOutAloneAndTheConnectionGoesOn() throws Exception {
        serve(Http2TestServer.cleartext(100));
        long timeoutNanos = 200 * MS;
        Recording recording = new Recording(51);
        try (Http2ConnectionPool pool = pool(1, H2C.withRequestTimeoutNanos(timeoutNanos))) {
            pool.send(RequestTemplate.get(target, "/hold"), 1, 0, recording);
            assertThat(server.awaitHeld(1)).isTrue();
            RequestTemplate ok = RequestTemplate.get(target, "/ok");
            for (int id = 1; id <= 50; id++) {
                pool.send(ok, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            server.releaseHeld(); // too late: the client reset that stream at the timeout
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.TIMEOUT);
        assertThat(recording.status(0)).isZero();
        assertThat(recording.doneNanos(0) - recording.sentNanos(0)).isGreaterThanOrEqualTo(timeoutNanos);
        assertThat(recording.counts(1, 51)).isEqualTo(Map.of(SendResult.OK, 50));
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void losingTheConnectionEndsEveryStreamInFlightExactlyOnce() throws Exception {
        serve(Http2TestServer.cleartext(100));
        Recording recording = new Recording(30);
        try (Http2ConnectionPool pool = pool(2, H2C)) {
            RequestTemplate hold = RequestTemplate.get(target, "/hold");
            for (int id = 0; id < 10; id++) {
                pool.send(hold, 0, id, recording);
            }
            assertThat(server.awaitHeld(10)).isTrue();
            server.kill();
            assertThat(recording.awaitAtLeast(10)).isTrue();
            for (int id = 10; id < 30; id++) {
                pool.send(hold, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            assertThat(pool.outstanding()).isZero();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 10)).isEqualTo(Map.of(SendResult.CONNECTION_RESET, 10));
        assertThat(recording.counts(10, 30)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 20));
    }

    @Test
    void aGoAwayResetsTheStreamsTheServerDidNotTakeAndLetsTheOthersFinish() throws Exception {
        serve(Http2TestServer.cleartext(100));
        Recording recording = new Recording(5);
        try (Http2ConnectionPool pool = pool(2, H2C)) {
            RequestTemplate hold = RequestTemplate.get(target, "/hold");
            for (int id = 0; id < 4; id++) {
                pool.send(hold, 0, id, recording); // four streams, in this order
            }
            assertThat(server.awaitHeld(4)).isTrue();
            server.goAwayAfter(2); // GOAWAY naming the second stream as the last it takes
            assertThat(recording.awaitAtLeast(2)).isTrue();
            assertThat(recording.counts(2, 4)).isEqualTo(Map.of(SendResult.CONNECTION_RESET, 2));
            assertThat(recording.calls(0) + recording.calls(1)).isZero();

            server.releaseHeld();
            assertThat(recording.awaitAtLeast(4)).isTrue();
            pool.send(RequestTemplate.get(target, "/ok"), 0, 4, recording); // not on the going-away connection
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 2)).isEqualTo(Map.of(SendResult.OK, 2));
        assertThat(recording.result(4)).isEqualTo(SendResult.OK);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void aStreamTheServerResetsEndsAsProtocolError() throws Exception {
        serve(Http2TestServer.cleartext(100));
        Recording recording = new Recording(2);
        try (Http2ConnectionPool pool = pool(1, H2C)) {
            pool.send(RequestTemplate.get(target, "/reset"), 0, 0, recording);
            assertThat(recording.awaitAtLeast(1)).isTrue();
            pool.send(RequestTemplate.get(target, "/ok"), 0, 1, recording);
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.PROTOCOL_ERROR);
        assertThat(recording.result(1)).isEqualTo(SendResult.OK);
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void stopRefusesWhatWaitsAndGivesStreamsInFlightTheirGrace() throws Exception {
        serve(Http2TestServer.cleartext(1));
        Recording recording = new Recording(5);
        try (Http2ConnectionPool pool = pool(1, H2C)) {
            pool.send(RequestTemplate.get(target, "/hold"), 0, 0, recording);
            assertThat(server.awaitHeld(1)).isTrue();
            RequestTemplate ok = RequestTemplate.get(target, "/ok");
            for (int id = 1; id < 4; id++) {
                pool.send(ok, 0, id, recording); // wait: the server allows one stream
            }
            CompletableFuture<Void> stopped = pool.stop(5_000 * MS);
            assertThat(recording.awaitAtLeast(3)).isTrue();
            assertThat(recording.counts(1, 4)).isEqualTo(Map.of(SendResult.UNSENT_STOPPED, 3));
            assertThat(stopped).isNotDone();

            server.releaseHeld();
            stopped.get(5, TimeUnit.SECONDS);
            assertThat(recording.result(0)).isEqualTo(SendResult.OK);
            assertThat(pool.openConnections()).isZero();
            pool.send(ok, 0, 4, recording);
            assertThat(recording.result(4)).isEqualTo(SendResult.UNSENT_STOPPED);
        }
        assertThat(recording.notExactlyOnce()).isZero();
    }

    @Test
    void beyondTheStreamsAllowedPlusTheQueueASendIsRefusedAtOnce() throws Exception {
        serve(Http2TestServer.cleartext(2));
        Recording recording = new Recording(8);
        try (Http2ConnectionPool pool = pool(1, H2C.withMaxQueued(1))) {
            assertThat(pool.warmUp(1).get(5, TimeUnit.SECONDS)).isEqualTo(1);
            RequestTemplate hold = RequestTemplate.get(target, "/hold");
            for (int id = 0; id < 8; id++) {
                pool.send(hold, 0, id, recording);
            }
            // two streams (the server's limit) and one queued; the rest refused on this thread
            assertThat(recording.counts(3, 8)).isEqualTo(Map.of(SendResult.UNSENT_INFLIGHT_CAP, 5));
            assertThat(server.awaitHeld(2)).isTrue();
            server.releaseHeld();
            assertThat(server.awaitHeld(1)).isTrue();
            server.releaseHeld();
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 3)).isEqualTo(Map.of(SendResult.OK, 3));
    }

    @Test
    void warmUpOpensConnectionsBeforeTheFirstRequest() throws Exception {
        serve(Http2TestServer.cleartext(100));
        try (Http2ConnectionPool pool = pool(4, H2C)) {
            assertThat(pool.warmUp(3).get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(pool.openConnections()).isEqualTo(3);
            assertThat(server.connectionsAccepted()).isEqualTo(3);
        }
    }

    @Test
    void h2cAgainstAnHttp11ServerFailsEverySendAsConnectFailed() throws Exception {
        try (TestHttpServer http1 = new TestHttpServer()) {
            target = HttpTarget.parse(http1.url());
            Recording recording = new Recording(5);
            try (Http2ConnectionPool pool = pool(1, H2C)) {
                for (int id = 0; id < 5; id++) {
                    pool.send(RequestTemplate.get(target, "/ok"), 0, id, recording);
                }
                assertThat(recording.awaitAll()).isTrue();
                assertThat(pool.lastConnectFailure())
                        .hasValueSatisfying(why -> assertThat(why).startsWith("connect to " + target + " failed: "));
            }
            assertThat(recording.notExactlyOnce()).isZero();
            assertThat(recording.counts(0, 5)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 5));
        }
    }

    @Test
    void theFactoryPicksThePoolForTheProtocol() throws Exception {
        serve(Http2TestServer.cleartext(100));
        for (HttpProtocol protocol : List.of(HttpProtocol.HTTP1, HttpProtocol.H2C)) {
            try (RequestSender sender = RequestSenders.open(
                    target, 1, group, ClientOptions.defaults().withProtocol(protocol), clock)) {
                assertThat(sender)
                        .isInstanceOf(protocol == HttpProtocol.H2C ? Http2ConnectionPool.class : ConnectionPool.class);
            }
        }
    }
}
