package dev.stampede.logparser.format.alb;

import dev.stampede.logparser.RequestRecord;
import java.util.Locale;

/**
 * ALB logs the request target in absolute form, {@code https://host:443/path?q}. A replayed request
 * sends the path and query as its target and the authority as its Host, so the two are split here.
 */
final class AbsoluteTarget {

    private AbsoluteTarget() {}

    /**
     * Moves scheme and authority of {@code record}'s uri out: the uri keeps path and query ({@code /} when
     * there is no path), the host gets the authority's host, with the port only when it is not the
     * scheme's default (a client sends {@code Host: example.com} to port 443, and ALB still logs
     * {@code :443}). A uri that is not absolute is left as it is.
     */
    static void split(RequestRecord record) {
        String uri = record.uri();
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd <= 0 || schemeEnd > 10) {
            return;
        }
        int authorityStart = schemeEnd + 3;
        int pathStart = authorityStart;
        while (pathStart < uri.length() && uri.charAt(pathStart) != '/' && uri.charAt(pathStart) != '?') {
            pathStart++;
        }
        String target = pathStart == uri.length()
                ? "/"
                : uri.charAt(pathStart) == '?' ? "/" + uri.substring(pathStart) : uri.substring(pathStart);
        String scheme = uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        record.uri(target).host(host(uri.substring(authorityStart, pathStart), scheme));
    }

    private static String host(String authority, String scheme) {
        int portColon = authority.startsWith("[")
                ? authority.indexOf("]:") + 1 // an IPv6 literal: the port follows its bracket
                : authority.lastIndexOf(':');
        if (portColon <= 0) {
            return authority.isEmpty() ? null : authority;
        }
        String port = authority.substring(portColon + 1);
        boolean defaultPort = port.equals(defaultPort(scheme));
        return defaultPort ? authority.substring(0, portColon) : authority;
    }

    private static String defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> "80";
            case "https", "wss", "grpcs" -> "443";
            default -> "";
        };
    }
}
