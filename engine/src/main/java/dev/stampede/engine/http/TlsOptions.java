package dev.stampede.engine.http;

import javax.net.ssl.SNIHostName;

/**
 * How an {@code https} target's TLS is set up; ignored for {@code http} targets, where {@link
 * ClientOptions#checkFits} refuses anything but the defaults.
 *
 * @param insecure trust every server certificate and skip the host name check (Netty's {@code
 *     InsecureTrustManagerFactory}): for test environments with self-signed certificates only. Off by
 *     default: the JDK's trusted certificates and the HTTPS host name check apply. Nothing is logged
 *     per request or per connection; the command line says it once when the run starts
 * @param sniName the server name sent in TLS SNI and checked against the certificate, or {@code null}
 *     for the target's host (no SNI when that is an IP address). A DNS name, not an IP address
 */
public record TlsOptions(boolean insecure, String sniName) {

    /** Verified certificates, SNI from the target's host. */
    public static final TlsOptions DEFAULT = new TlsOptions(false, null);

    /** Checks the SNI name. */
    public TlsOptions {
        if (sniName != null) {
            if (isIpLiteral(sniName)) {
                throw new IllegalArgumentException("SNI name '" + sniName + "' is an IP address; SNI takes a DNS name");
            }
            try {
                new SNIHostName(sniName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad SNI name '" + sniName + "': " + e.getMessage(), e);
            }
        }
    }

    /** Whether {@code host} is an IPv4 literal or an IPv6 literal (with or without brackets). */
    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }
}
