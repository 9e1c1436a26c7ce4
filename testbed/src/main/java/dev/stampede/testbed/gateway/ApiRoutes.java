package dev.stampede.testbed.gateway;

import io.netty.handler.codec.http.HttpMethod;

/**
 * The public API's route templates, so that metrics count {@code GET /api/quote/{code}} once rather
 * than once per stock code, and the gateway knows which service owns a path.
 */
public final class ApiRoutes {

    /** The services behind the gateway. */
    public enum Service {
        MARKET,
        ACCOUNT,
        ORDER
    }

    private ApiRoutes() {}

    /** The template of a public API request, e.g. {@code GET /api/kline/{code}}, or {@code unmatched}. */
    public static String template(HttpMethod method, String path) {
        String m = method.name();
        if (path.equals("/api/login") || path.equals("/api/logout")) {
            return m + " " + path;
        }
        if (isOneSegmentUnder(path, "/api/quote/")) {
            return m + " /api/quote/{code}";
        }
        if (isOneSegmentUnder(path, "/api/kline/")) {
            return m + " /api/kline/{code}";
        }
        if (path.equals("/api/account/balance")
                || path.equals("/api/account/positions")
                || path.equals("/api/order")
                || path.equals("/api/ipo/subscribe")) {
            return m + " " + path;
        }
        if (isOneSegmentUnder(path, "/api/order/")) {
            return m + " /api/order/{id}";
        }
        return "unmatched";
    }

    /** {@code path} is {@code prefix} plus exactly one non-empty segment. */
    private static boolean isOneSegmentUnder(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    /** The service that owns {@code path} (by prefix), or {@code null} for none. */
    public static Service serviceFor(String path) {
        if (path.startsWith("/api/quote/") || path.startsWith("/api/kline/")) {
            return Service.MARKET;
        }
        if (path.startsWith("/api/account/")) {
            return Service.ACCOUNT;
        }
        if (path.equals("/api/order") || path.startsWith("/api/order/") || path.startsWith("/api/ipo/")) {
            return Service.ORDER;
        }
        return null;
    }
}
