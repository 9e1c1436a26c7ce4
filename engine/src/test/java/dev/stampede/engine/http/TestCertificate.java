package dev.stampede.engine.http;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A self-signed certificate for the loopback TLS servers, made once per test JVM with the JDK's own
 * {@code keytool} (Netty's {@code SelfSignedCertificate} needs BouncyCastle or JDK internals on Java 17):
 * an EC P-256 key, CN=localhost, subject alternative names {@code localhost}, {@code shop.test} and
 * {@code 127.0.0.1}, valid for two days. No JDK trusts it, which is what the "not insecure" tests need.
 */
final class TestCertificate {

    static final String PASSWORD = "stampede-test";

    private static KeyManagerFactory keys;

    private TestCertificate() {}

    /** A server context (JDK provider) offering {@code alpn} by ALPN, or no ALPN when none are given. */
    static SslContext server(String... alpn) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(keys()).sslProvider(SslProvider.JDK);
            if (alpn.length > 0) {
                builder.applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        alpn));
            }
            return builder.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A handler that records the SNI name each client sent ("" for none) and then runs TLS with {@code context}. */
    static SniHandler recordingSni(SslContext context, Queue<String> names) {
        Mapping<String, SslContext> mapping = host -> {
            names.add(host == null ? "" : host);
            return context;
        };
        return new SniHandler(mapping);
    }

    private static synchronized KeyManagerFactory keys() {
        if (keys == null) {
            try {
                Path dir = Files.createTempDirectory("stampede-tls");
                Path store = dir.resolve("server.p12");
                keytool(store);
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, PASSWORD.toCharArray());
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keyStore, PASSWORD.toCharArray());
                Files.delete(store);
                Files.delete(dir);
                keys = factory;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the test certificate", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private static void keytool(Path store) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-J-XX:TieredStopAtLevel=1", // a short-lived JVM: half the start-up time
                        "-J-XX:+UseSerialGC",
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,dns:shop.test,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
