package dev.stampede.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.common.time.NanoClock;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.ApplicationProtocolNames;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS for both pools against loopback servers with a self-signed certificate: certificates are checked
 * unless insecure, SNI reaches the server, ALPN decides HTTP/2, and the handshake counts in the connect
 * timeout.
 */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsConnectTest {

    private static final long MS = 1_000_000L;
    private static final TlsOptions INSECURE = new TlsOptions(true, null);

    private final NanoClock clock = NanoClock.system();
    private EventLoopGroup group;

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private Recording sendAll(HttpTarget target, ClientOptions options, String path, int sends) throws Exception {
        Recording recording = new Recording(sends);
        try (RequestSender sender = RequestSenders.open(target, 2, group, options, clock)) {
            RequestTemplate template = RequestTemplate.get(target, path);
            for (int id = 0; id < sends; id++) {
                sender.send(template, 0, id, recording);
            }
            assertThat(recording.awaitAll()).isTrue();
            lastFailure = sender.lastConnectFailure().orElse("");
        }
        assertThat(recording.notExactlyOnce()).isZero();
        return recording;
    }

    private String lastFailure;

    @Test
    void http1OverTlsWorksWhenInsecureAndSendsTheSniNameGiven() throws Exception {
        try (TestHttpServer server = new TestHttpServer(TestCertificate.server(ApplicationProtocolNames.HTTP_1_1))) {
            HttpTarget target = HttpTarget.parse(server.url());
            ClientOptions options = ClientOptions.defaults().withTls(new TlsOptions(true, "shop.test"));
            Recording recording = sendAll(target, options, "/ok", 100);
            assertThat(recording.counts(0, 100)).isEqualTo(Map.of(SendResult.OK, 100));
            assertThat(recording.bodyBytes(0)).isEqualTo(TestHttpServer.HELLO.length);
            assertThat(server.sniNames()).isNotEmpty().containsOnly("shop.test");

            Recording bare = sendAll(target, ClientOptions.defaults().withTls(INSECURE), "/missing", 1);
            assertThat(bare.status(0)).isEqualTo(404);
            assertThat(server.sniNames()).contains(""); // no SNI for an IP address
        }
    }

    @Test
    void aSelfSignedCertificateFailsEverySendOnceUnlessInsecure() throws Exception {
        try (TestHttpServer server = new TestHttpServer(TestCertificate.server(ApplicationProtocolNames.HTTP_1_1))) {
            HttpTarget target = HttpTarget.parse(server.url());
            Recording recording = sendAll(target, ClientOptions.defaults(), "/ok", 20);
            assertThat(recording.counts(0, 20)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 20));
            assertThat(lastFailure)
                    .startsWith("TLS handshake with " + target + " failed: ")
                    .contains("certification path");
        }
        try (Http2TestServer server = Http2TestServer.tls(100)) {
            HttpTarget target = HttpTarget.parse(server.url());
            ClientOptions h2 = ClientOptions.defaults().withProtocol(HttpProtocol.H2);
            Recording recording = sendAll(target, h2, "/ok", 20);
            assertThat(recording.counts(0, 20)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 20));
            assertThat(lastFailure).startsWith("TLS handshake with ").contains("certification path");

            Recording insecure = sendAll(target, h2.withTls(INSECURE), "/ok", 20);
            assertThat(insecure.counts(0, 20)).isEqualTo(Map.of(SendResult.OK, 20));
        }
    }

    @Test
    void h2AgainstAServerThatOnlyAgreesOnHttp11FailsClearly() throws Exception {
        try (TestHttpServer server = new TestHttpServer(TestCertificate.server(ApplicationProtocolNames.HTTP_1_1))) {
            HttpTarget target = HttpTarget.parse(server.url());
            ClientOptions h2 =
                    ClientOptions.defaults().withProtocol(HttpProtocol.H2).withTls(INSECURE);
            Recording recording = sendAll(target, h2, "/ok", 10);
            assertThat(recording.counts(0, 10)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 10));
            assertThat(lastFailure).contains("the server did not agree on h2 by ALPN (it chose none)");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void http1OffersOnlyHttp11AndTakesAServerWithoutAlpn() throws Exception {
        try (TestHttpServer server = new TestHttpServer(TestCertificate.server())) {
            HttpTarget target = HttpTarget.parse(server.url());
            Recording recording = sendAll(target, ClientOptions.defaults().withTls(INSECURE), "/ok", 10);
            assertThat(recording.counts(0, 10)).isEqualTo(Map.of(SendResult.OK, 10));
        }
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeFailsWithinTheConnectTimeout() throws Exception {
        // The kernel completes the TCP handshake into the backlog; nothing ever answers the ClientHello.
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            HttpTarget target = HttpTarget.parse("https://127.0.0.1:" + silent.getLocalPort());
            for (HttpProtocol protocol : List.of(HttpProtocol.HTTP1, HttpProtocol.H2)) {
                ClientOptions options = ClientOptions.defaults()
                        .withProtocol(protocol)
                        .withTls(INSECURE)
                        .withConnectTimeoutNanos(200 * MS);
                long start = clock.nanoTime();
                Recording recording = sendAll(target, options, "/ok", 3);
                assertThat(recording.counts(0, 3)).isEqualTo(Map.of(SendResult.CONNECT_FAILED, 3));
                assertThat(recording.doneNanos(0) - start).isGreaterThanOrEqualTo(200 * MS);
                assertThat(lastFailure).contains("within the connect timeout of 200 ms");
            }
        }
    }

    @Test
    void certificatesAndHostNamesAreCheckedByDefaultAndSniFollowsTheHost() {
        SSLParameters checked = parameters("https://shop.test:8443", ClientOptions.defaults());
        assertThat(checked.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(checked.getServerNames()).containsExactly(new SNIHostName("shop.test"));
        assertThat(checked.getApplicationProtocols()).containsExactly("http/1.1");

        SSLParameters insecure = parameters(
                "https://127.0.0.1",
                ClientOptions.defaults().withProtocol(HttpProtocol.H2).withTls(INSECURE));
        assertThat(insecure.getEndpointIdentificationAlgorithm()).isNull();
        assertThat(insecure.getServerNames()).isNullOrEmpty();
        assertThat(insecure.getApplicationProtocols()).containsExactly("h2");

        SSLParameters named =
                parameters("https://127.0.0.1", ClientOptions.defaults().withTls(new TlsOptions(false, "api.test")));
        assertThat(named.getServerNames()).containsExactly(new SNIHostName("api.test"));
    }

    @Test
    void optionsThatDoNotFitTheTargetAreRefusedBeforeAnythingOpens() {
        HttpTarget http = HttpTarget.parse("http://127.0.0.1:1");
        HttpTarget https = HttpTarget.parse("https://127.0.0.1:1");
        assertThatThrownBy(() -> RequestSenders.open(
                        http, 1, group, ClientOptions.defaults().withProtocol(HttpProtocol.H2), clock))
                .hasMessageContaining("h2 is HTTP/2 over TLS and needs an https:// target");
        assertThatThrownBy(() -> RequestSenders.open(
                        https, 1, group, ClientOptions.defaults().withProtocol(HttpProtocol.H2C), clock))
                .hasMessageContaining("h2c is cleartext HTTP/2 and needs an http:// target");
        assertThatThrownBy(() -> RequestSenders.open(
                        http, 1, group, ClientOptions.defaults().withTls(INSECURE), clock))
                .hasMessageContaining("need an https:// target");
        assertThatThrownBy(() -> new TlsOptions(false, "10.0.0.1")).hasMessageContaining("IP address");
        assertThatThrownBy(() -> new TlsOptions(false, "bad name")).hasMessageContaining("bad SNI name");
    }

    private static SSLParameters parameters(String url, ClientOptions options) {
        TlsSetup tls = TlsSetup.forTarget(HttpTarget.parse(url), options);
        return tls.newHandler(ByteBufAllocator.DEFAULT, 1_000).engine().getSSLParameters();
    }
}
