package dev.stampede.model.endpoint;

/**
 * Where the path and the query are in a logged request target. An absolute-form target ({@code
 * http://host:8080/a?b}, as proxies log it) is read from its path on; a fragment ({@code #...}) ends the
 * path or query and is ignored.
 */
final class UriParts {

    private UriParts() {}

    /** Index of the path's first char. */
    static int pathStart(String uri) {
        int authority;
        if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            authority = 7;
        } else if (uri.regionMatches(true, 0, "https://", 0, 8)) {
            authority = 8;
        } else {
            return 0;
        }
        for (int i = authority; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return uri.length();
    }

    /** Index just past the path: the {@code ?} or {@code #}, or the end. */
    static int pathEnd(String uri, int pathStart) {
        int question = uri.indexOf('?', pathStart);
        int end = question < 0 ? uri.length() : question;
        int hash = uri.indexOf('#', pathStart);
        return hash >= 0 && hash < end ? hash : end;
    }

    /** Index just past the query that starts at {@code queryStart}: the {@code #}, or the end. */
    static int queryEnd(String uri, int queryStart) {
        int hash = uri.indexOf('#', queryStart);
        return hash < 0 ? uri.length() : hash;
    }

    /** The end of the segment starting at {@code from}: the next {@code /} before {@code pathEnd}, or it. */
    static int segmentEnd(String uri, int from, int pathEnd) {
        int slash = uri.indexOf('/', from);
        return slash < 0 || slash > pathEnd ? pathEnd : slash;
    }

    /** The first {@code %} at or after {@code from}, or {@link Integer#MAX_VALUE}. */
    static int nextPercent(String uri, int from) {
        int percent = uri.indexOf('%', from);
        return percent < 0 ? Integer.MAX_VALUE : percent;
    }
}
