package dev.stampede.engine.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How requests are changed on their way to the target: the {@code Host} header to send (the target's
 * unless set here; a recorded {@code Host} is never sent), headers to set (replacing any recorded one
 * of that name) or remove, and path prefixes to map (the first that matches wins). Immutable.
 *
 * @param host the {@code Host} header to send, or null for the target's authority
 * @param setHeaders headers set on every request, by name (replacing recorded ones, case-insensitive)
 * @param removeHeaders names of headers never sent (case-insensitive)
 * @param pathPrefixes path prefix mappings, first match wins
 */
public record Rewrite(
        String host, Map<String, String> setHeaders, Set<String> removeHeaders, List<PathPrefix> pathPrefixes) {

    /** No rewriting. */
    public static final Rewrite NONE = new Rewrite(null, Map.of(), Set.of(), List.of());

    public Rewrite {
        setHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setHeaders));
        removeHeaders =
                removeHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        pathPrefixes = List.copyOf(pathPrefixes);
    }

    /** A request path (with its query) after the first matching prefix mapping. */
    public String path(String pathAndQuery) {
        for (PathPrefix prefix : pathPrefixes) {
            if (prefix.matches(pathAndQuery)) {
                String rest = prefix.from().equals("/")
                        ? pathAndQuery
                        : pathAndQuery.substring(prefix.from().length());
                if (!prefix.to().equals("/")) {
                    return prefix.to() + rest;
                }
                return rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
            }
        }
        return pathAndQuery;
    }

    /** Whether a recorded header of this name is dropped: removed, or replaced by a set one. */
    public boolean drops(String headerName) {
        if (removeHeaders.contains(headerName.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String name : setHeaders.keySet()) {
            if (name.equalsIgnoreCase(headerName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps paths under {@code from} to {@code to}: {@code /api} matches {@code /api}, {@code /api/x} and
     * {@code /api?q}, not {@code /apix}.
     */
    public record PathPrefix(String from, String to) {

        public PathPrefix {
            if (from == null || !from.startsWith("/") || to == null || !to.startsWith("/")) {
                throw new IllegalArgumentException("path prefixes start with '/': " + from + " -> " + to);
            }
            while (from.length() > 1 && from.endsWith("/")) {
                from = from.substring(0, from.length() - 1);
            }
            while (to.length() > 1 && to.endsWith("/")) {
                to = to.substring(0, to.length() - 1);
            }
        }

        boolean matches(String pathAndQuery) {
            if (!pathAndQuery.startsWith(from)) {
                return false;
            }
            if (from.equals("/")) {
                return true;
            }
            int end = from.length();
            return pathAndQuery.length() == end || "/?#".indexOf(pathAndQuery.charAt(end)) >= 0;
        }
    }
}
