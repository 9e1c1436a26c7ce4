package dev.stampede.engine.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;

/**
 * The TLS side of one pool's connections, built once per pool: an {@link SslContext} (JDK provider,
 * Java 17's own ALPN) whose engines send SNI, check the server's certificate against the JDK's trusted
 * ones and its host name (endpoint identification {@code HTTPS}) unless {@linkplain TlsOptions#insecure()
 * insecure}, and offer by ALPN only the protocol the pool speaks. Not on the hot path: one handler per
 * connection.
 */
final class TlsSetup {

    private final SslContext context;
    private final String peerHost;
    private final int port;
    private final String alpn;

    private TlsSetup(SslContext context, String peerHost, int port, String alpn) {
        this.context = context;
        this.peerHost = peerHost;
        this.port = port;
        this.alpn = alpn;
    }

    /**
     * The TLS setup for {@code target}, or {@code null} for an {@code http} target.
     *
     * @throws IllegalArgumentException when the options do not fit the target or the JDK cannot build
     *     the TLS context
     */
    static TlsSetup forTarget(HttpTarget target, ClientOptions options) {
        options.checkFits(target);
        if (!target.isTls()) {
            return null;
        }
        TlsOptions tls = options.tls();
        String alpn = options.protocol() == HttpProtocol.H2
                ? ApplicationProtocolNames.HTTP_2
                : ApplicationProtocolNames.HTTP_1_1;
        String host = target.connectHost().endsWith(".")
                ? target.connectHost().substring(0, target.connectHost().length() - 1)
                : target.connectHost();
        String serverName = tls.sniName() != null ? tls.sniName() : TlsOptions.isIpLiteral(host) ? null : host;
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        alpn));
        if (tls.insecure()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            builder.endpointIdentificationAlgorithm("HTTPS");
        }
        if (serverName != null) {
            try {
                builder.serverName(new SNIHostName(serverName));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "host '" + serverName + "' of " + target + " cannot be a TLS SNI name: " + e.getMessage(), e);
            }
        }
        try {
            // The host name check and SNI both use the peer host: the SNI name when one is given.
            return new TlsSetup(builder.build(), serverName != null ? serverName : host, target.port(), alpn);
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS for " + target + ": " + e.getMessage(), e);
        }
    }

    /** A client handler for one new connection; its handshake may take up to {@code timeoutMillis}. */
    SslHandler newHandler(ByteBufAllocator alloc, long timeoutMillis) {
        SslHandler handler = context.newHandler(alloc, peerHost, port);
        handler.setHandshakeTimeoutMillis(timeoutMillis);
        return handler;
    }

    /**
     * Why a finished handshake cannot carry this pool's protocol, or {@code null} when it can: HTTP/2
     * needs the server to have chosen {@code h2} by ALPN; HTTP/1.1 takes {@code http/1.1} or no ALPN.
     */
    String protocolMismatch(SslHandler handler) {
        String chosen = handler.applicationProtocol();
        if (alpn.equals(chosen)) {
            return null;
        }
        if (alpn.equals(ApplicationProtocolNames.HTTP_1_1) && chosen == null) {
            return null;
        }
        return "the server did not agree on " + alpn + " by ALPN (it chose " + (chosen == null ? "none" : chosen) + ")";
    }
}
