package dev.stampede.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where requests go: scheme, host, port and base path of a target URL such as {@code
 * http://127.0.0.1:8080/api}. Only {@code http} for now; TLS arrives later.
 */
public final class HttpTarget {

    private final String host;
    private final int port;
    private final String basePath;

    private HttpTarget(String host, int port, String basePath) {
        this.host = host;
        this.port = port;
        this.basePath = basePath;
    }

    /**
     * Parses a target URL: {@code http://host[:port][/base/path]}. The port defaults to 80; a trailing
     * slash of the base path is dropped, so request paths (which start with {@code /}) are appended.
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
        if ("https".equals(scheme)) {
            throw bad(url, "https is not supported yet: TLS arrives later; use http://");
        }
        if (!"http".equals(scheme)) {
            throw bad(url, "the scheme must be http://");
        }
        if (uri.getHost() == null) {
            throw bad(url, "no host (expected http://host[:port][/path])");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(url, "user info is not supported");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(url, "a target URL takes no query or fragment");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw bad(url, "port " + port + " is out of range 1-65535");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new HttpTarget(uri.getHost(), port, path);
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("bad target URL '" + url + "': " + why);
    }

    /** The host as written in the URL (an IPv6 literal keeps its brackets). */
    public String host() {
        return host;
    }

    /** The host to connect to (an IPv6 literal without brackets). */
    public String connectHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port, 80 unless given. */
    public int port() {
        return port;
    }

    /** The base path without a trailing slash, empty for none; prefixed to every request path. */
    public String basePath() {
        return basePath;
    }

    /** The value of the {@code Host} header: host, plus {@code :port} unless it is 80. */
    public String authority() {
        return port == 80 ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return "http://" + authority() + basePath;
    }
}
