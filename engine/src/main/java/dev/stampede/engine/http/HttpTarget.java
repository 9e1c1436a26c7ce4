package dev.stampede.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where requests go: scheme, host, port and base path of a target URL such as {@code
 * http://127.0.0.1:8080/api} or {@code https://shop.test/api} (TLS).
 */
public final class HttpTarget {

    private final boolean tls;
    private final String host;
    private final int port;
    private final String basePath;

    private HttpTarget(boolean tls, String host, int port, String basePath) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.basePath = basePath;
    }

    /**
     * Parses a target URL: {@code http[s]://host[:port][/base/path]}. The port defaults to 80 for
     * {@code http} and 443 for {@code https}; a trailing slash of the base path is dropped, so request
     * paths (which start with {@code /}) are appended.
     *
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static HttpTarget parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("target URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw bad(url, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw bad(url, "the scheme must be http:// or https://");
        }
        boolean tls = "https".equals(scheme);
        if (uri.getHost() == null) {
            throw bad(url, "no host (expected " + scheme + "://host[:port][/path])");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(url, "user info is not supported");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(url, "a target URL takes no query or fragment");
        }
        int port = uri.getPort() == -1 ? defaultPort(tls) : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw bad(url, "port " + port + " is out of range 1-65535");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new HttpTarget(tls, uri.getHost(), port, path);
    }

    private static int defaultPort(boolean tls) {
        return tls ? 443 : 80;
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("bad target URL '" + url + "': " + why);
    }

    /** Whether the target is {@code https}: connections start with a TLS handshake. */
    public boolean isTls() {
        return tls;
    }

    /** {@code "https"} or {@code "http"}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /** The host as written in the URL (an IPv6 literal keeps its brackets). */
    public String host() {
        return host;
    }

    /** The host to connect to (an IPv6 literal without brackets). */
    public String connectHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port: as given, else 80 for {@code http} and 443 for {@code https}. */
    public int port() {
        return port;
    }

    /** The base path without a trailing slash, empty for none; prefixed to every request path. */
    public String basePath() {
        return basePath;
    }

    /**
     * The value of the {@code Host} header (HTTP/2's {@code :authority}): host, plus {@code :port} unless
     * it is the scheme's default.
     */
    public String authority() {
        return port == defaultPort(tls) ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme() + "://" + authority() + basePath;
    }
}
