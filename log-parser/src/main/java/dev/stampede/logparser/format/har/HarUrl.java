package dev.stampede.logparser.format.har;

/**
 * A request's {@code url} split into the host (authority without user info: {@code host[:port]}) and
 * the request target (path and query; the fragment, which is never sent, dropped). Split by hand rather
 * than with {@link java.net.URI}, which refuses characters that browsers send unescaped ({@code |},
 * {@code [} in a query).
 */
record HarUrl(String host, String uri) {

    /** The parts of an absolute URL, or of an origin-form target ({@code /path}: no host); else {@code null}. */
    static HarUrl parse(String url) {
        if (url.startsWith("/")) {
            return new HarUrl(null, withoutFragment(url));
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(url, schemeEnd)) {
            return null;
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.isEmpty()) {
            return null;
        }
        String target = withoutFragment(url.substring(authorityEnd));
        return new HarUrl(authority, target.startsWith("/") ? target : "/" + target);
    }

    private static boolean isScheme(String url, int end) {
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static String withoutFragment(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }
}
