package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool against a real Netty server on loopback: real I/O, so lower bounds only, latches, no sleeps. */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionPoolTest {

    private static final long MS = 1_000_000L;

    private final NanoClock clock = NanoClock.system();
    private EventLoopGroup group;
    private TestHttpServer server;
    private HttpTarget target;

    @BeforeEach
    void start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new TestHttpServer();
        target = HttpTarget.parse(server.url());
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private ConnectionPool pool(int connections, ClientOptions options) {
        return new ConnectionPool(target, connections, group, options, clock);
    }

    @Test
    void aThousandRequestsOverEightKeepAliveConnectionsEndWithTheirStatuses() throws InterruptedException {
        RequestTemplate[] templates = {
            RequestTemplate.get(target, "/ok"),
            RequestTemplate.get(target, "/missing"),
            RequestTemplate.get(target, "/error")
        };
        Recording recording = new Recording(1000);
        try (ConnectionPool pool = pool(8, ClientOptions.defaults())) {
            for (int id = 0; id < 1000; id++) {
                int endpoint = id % 3;
                pool.send(templates[endpoint], endpoint, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            assertThat(pool.outstanding()).isZero();
        }

        assertThat(recording.notExactlyOnce()).isZero();
        for (int id = 0; id < 1000; id++) {
            int endpoint = id % 3;
            assertThat(recording.endpoint(id)).isEqualTo(endpoint);
            assertThat(recording.status(id)).isEqualTo(new int[] {200, 404, 500}[endpoint]);
            assertThat(recording.result(id)).isEqualTo(endpoint == 0 ? SendResult.OK : SendResult.HTTP_STATUS);
            assertThat(recording.bodyBytes(id)).isEqualTo(TestHttpServer.HELLO.length);
            assertThat(recording.doneNanos(id)).isGreaterThanOrEqualTo(recording.sentNanos(id));
        }
        assertThat(server.requests()).isEqualTo(1000);
        assertThat(server.connectionsAccepted()).isBetween(1, 8);
        for (RequestTemplate template : templates) {
            assertThat(template.sharedRefCnt()).isEqualTo(1); // every write released its duplicate
        }
    }

    @Test
    void aResponseSlowerThanTheRequestTimeoutEndsAsTimeoutAndTheOthersGoOn() throws InterruptedException {
        long timeoutNanos = 200 * MS;
        Recording recording = new Recording(201);
        try (ConnectionPool pool = pool(2, ClientOptions.defaults().withRequestTimeoutNanos(timeoutNanos))) {
            pool.send(RequestTemplate.get(target, "/hold"), 1, 0, recording);
            assertThat(server.awaitFirstHeld()).isTrue();
            RequestTemplate ok = RequestTemplate.get(target, "/ok");
            for (int id = 1; id <= 200; id++) {
                pool.send(ok, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            server.releaseHeld(); // too late: the client closed that connection at the timeout
        }

        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.TIMEOUT);
        assertThat(recording.status(0)).isZero();
        assertThat(recording.doneNanos(0) - recording.sentNanos(0)).isGreaterThanOrEqualTo(timeoutNanos);
        assertThat(recording.counts(1, 201)).isEqualTo(Map.of(SendResult.OK, 200));
    }

    @Test
    void aResponseArrivingAfterItsTimeoutNeverReachesTheNextRequest() throws InterruptedException {
        Recording recording = new Recording(2);
        try (ConnectionPool pool = pool(1, ClientOptions.defaults().withRequestTimeoutNanos(100 * MS))) {
            pool.send(RequestTemplate.get(target, "/hold"), 0, 0, recording);
            assertThat(recording.awaitAtLeast(1)).isTrue();
            server.releaseHeld(); // a 200 on the timed-out connection, which the client closed
            pool.send(RequestTemplate.get(target, "/missing"), 1, 1, recording);
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.TIMEOUT);
        assertThat(recording.status(1)).isEqualTo(404);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void anUnparsableResponseEndsAsProtocolErrorAndTheConnectionIsReplaced() throws InterruptedException {
        Recording recording = new Recording(2);
        try (ConnectionPool pool = pool(1, ClientOptions.defaults())) {
            pool.send(RequestTemplate.get(target, "/garbage"), 0, 0, recording);
            pool.send(RequestTemplate.get(target, "/ok"), 0, 1, recording);
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.PROTOCOL_ERROR);
        assertThat(recording.result(1)).isEqualTo(SendResult.OK);
    }

    @Test
    void whenTheTargetDiesMidRunEverySendEndsOnceAndLaterSendsFailToConnect() throws Exception {
        Recording recording = new Recording(1600);
        RequestTemplate ok = RequestTemplate.get(target, "/ok");
        CountDownLatch quarter = new CountDownLatch(250);
        Completion counting = (endpoint, intended, sent, done, status, bytes, result) -> {
            recording.done(endpoint, intended, sent, done, status, bytes, result);
            quarter.countDown();
        };
        try (ConnectionPool pool = pool(8, ClientOptions.defaults())) {
            pool.send(RequestTemplate.get(target, "/hold"), 0, 0, counting);
            assertThat(server.awaitFirstHeld()).isTrue();
            for (int id = 1; id < 500; id++) {
                pool.send(ok, 0, id, counting);
            }
            assertThat(quarter.await(10, TimeUnit.SECONDS)).isTrue();
            Thread publisher = new Thread(() -> {
                for (int id = 500; id < 1500; id++) {
                    pool.send(ok, 0, id, counting);
                }
            });
            publisher.start();
            server.kill();
            publisher.join(10_000);
            assertThat(recording.awaitAtLeast(1500)).isTrue();

            for (int id = 1500; id < 1600; id++) {
                pool.send(ok, 0, id, counting);
            }
            assertThat(recording.awaitAll()).isTrue();
            assertThat(pool.outstanding()).isZero();
            // a burst of sends to a dead target: a few connect attempts per slot, not one per send
            assertThat(pool.connectAttempts()).isLessThan(100);
        }

        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.CONNECTION_RESET);
        assertThat(recording.counts(1, 500).get(SendResult.OK)).isGreaterThanOrEqualTo(249);
        assertThat(recording.counts(1, 1500).keySet())
                .isSubsetOf(SendResult.OK, SendResult.CONNECTION_RESET, SendResult.CONNECT_FAILED);
        Map<SendResult, Integer> after = recording.counts(1500, 1600);
        assertThat(after.keySet()).isSubsetOf(SendResult.CONNECT_FAILED, SendResult.CONNECTION_RESET);
        // at most one stale connection per slot can take a send before its close is seen
        assertThat(after.get(SendResult.CONNECT_FAILED)).isGreaterThanOrEqualTo(92);
    }

    @Test
    void beyondConnectionsPlusQueueASendEndsAtOnceAsUnsentInFlightCap() throws InterruptedException {
        Recording recording = new Recording(10);
        RequestTemplate hold = RequestTemplate.get(target, "/hold");
        try (ConnectionPool pool = pool(1, ClientOptions.defaults().withMaxQueued(2))) {
            pool.send(hold, 0, 0, recording);
            assertThat(server.awaitFirstHeld()).isTrue();
            for (int id = 1; id < 10; id++) {
                pool.send(hold, 0, id, recording);
            }
            // refused on this thread, before the send returned
            for (int id = 3; id < 10; id++) {
                assertThat(recording.calls(id)).isEqualTo(1);
                assertThat(recording.result(id)).isEqualTo(SendResult.UNSENT_INFLIGHT_CAP);
                assertThat(recording.sentNanos(id)).isEqualTo(Completion.NOT_SENT);
            }
            assertThat(recording.calls(0) + recording.calls(1) + recording.calls(2))
                    .isZero();
            assertThat(pool.outstanding()).isEqualTo(3);

            pool.stop(0L).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(recording.awaitAll()).isTrue();
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.result(0)).isEqualTo(SendResult.TIMEOUT);
        assertThat(recording.counts(1, 3)).isEqualTo(Map.of(SendResult.UNSENT_STOPPED, 2));
    }

    @Test
    void stopEndsQueuedSendsAsUnsentStoppedAndGivesTheOneInFlightItsGrace() throws Exception {
        Recording recording = new Recording(7);
        try (ConnectionPool pool = pool(1, ClientOptions.defaults())) {
            pool.send(RequestTemplate.get(target, "/hold"), 0, 0, recording);
            assertThat(server.awaitFirstHeld()).isTrue();
            RequestTemplate ok = RequestTemplate.get(target, "/ok");
            for (int id = 1; id <= 5; id++) {
                pool.send(ok, 0, id, recording);
            }
            var stopped = pool.stop(5_000 * MS);
            assertThat(recording.awaitAtLeast(5)).isTrue();
            assertThat(recording.counts(1, 6)).isEqualTo(Map.of(SendResult.UNSENT_STOPPED, 5));
            assertThat(recording.calls(0)).isZero(); // still in its grace
            assertThat(stopped).isNotDone();

            server.releaseHeld();
            stopped.get(5, TimeUnit.SECONDS);
            assertThat(recording.result(0)).isEqualTo(SendResult.OK);
            assertThat(pool.openConnections()).isZero();

            pool.send(ok, 0, 6, recording);
            assertThat(recording.result(6)).isEqualTo(SendResult.UNSENT_STOPPED);
        }
        assertThat(recording.awaitAll()).isTrue();
        assertThat(recording.notExactlyOnce()).isZero();
    }

    @Test
    void aDeadTargetFailsEverySendFastAndIsRetriedWithBackoff() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpTarget dead = HttpTarget.parse("http://127.0.0.1:" + deadPort);
        Recording recording = new Recording(300);
        try (ConnectionPool pool = new ConnectionPool(dead, 8, group, ClientOptions.defaults(), clock)) {
            RequestTemplate ok = RequestTemplate.get(dead, "/ok");
            for (int id = 0; id < 300; id++) {
                pool.send(ok, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            assertThat(pool.connectAttempts()).isBetween(1L, 40L);
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 300)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 300));
    }

    @Test
    void aConnectionCloseResponseEndsOkAndTheNextRequestOpensAFreshConnection() throws InterruptedException {
        Recording recording = new Recording(5);
        try (ConnectionPool pool = pool(1, ClientOptions.defaults())) {
            RequestTemplate close = RequestTemplate.get(target, "/close");
            for (int id = 0; id < 5; id++) {
                pool.send(close, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 5)).isEqualTo(Map.of(SendResult.OK, 5));
        assertThat(server.connectionsAccepted()).isEqualTo(5);
    }

    @Test
    void chunkedAndCloseDelimitedBodiesEndOkWithTheirByteCounts() throws InterruptedException {
        Recording recording = new Recording(4);
        try (ConnectionPool pool = pool(1, ClientOptions.defaults())) {
            RequestTemplate chunked = RequestTemplate.get(target, "/chunked");
            RequestTemplate untilClose = RequestTemplate.get(target, "/until-close");
            pool.send(chunked, 0, 0, recording);
            pool.send(chunked, 0, 1, recording);
            pool.send(untilClose, 0, 2, recording);
            pool.send(chunked, 0, 3, recording);
            assertThat(recording.awaitAll()).isTrue();
        }
        assertThat(recording.notExactlyOnce()).isZero();
        assertThat(recording.counts(0, 4)).isEqualTo(Map.of(SendResult.OK, 4));
        assertThat(recording.bodyBytes(0)).isEqualTo(5L);
        assertThat(recording.bodyBytes(2)).isEqualTo((long) "hello, until close".length());
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void warmUpOpensConnectionsBeforeTheFirstRequest() throws Exception {
        ConnectionPool pool = pool(8, ClientOptions.defaults());
        try {
            assertThat(pool.warmUp(5).get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(5);
            assertThat(pool.openConnections()).isEqualTo(5);
            assertThat(pool.warmUp(20).get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("never more than the pool's connections")
                    .isEqualTo(8);
        } finally {
            pool.close();
        }
    }
}
