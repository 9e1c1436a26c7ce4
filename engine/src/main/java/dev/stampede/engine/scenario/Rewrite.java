package dev.stampede.engine.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How recorded requests change on their way to the target.
 *
 * @param host the Host header to send; null keeps the target's host
 * @param setHeaders headers replaced or added, in file order
 * @param removeHeaders headers removed (names, any case)
 * @param pathPrefixes path prefix mappings, the first whose {@code from} matches applies
 */
public record Rewrite(
        String host, Map<String, String> setHeaders, List<String> removeHeaders, List<PathPrefix> pathPrefixes) {

    /** No rewriting. */
    public static final Rewrite NONE = new Rewrite(null, Map.of(), List.of(), List.of());

    /**
     * A request path starting with {@code from} gets {@code to} in its place.
     *
     * @param from a path prefix, starting with {@code /}
     * @param to what replaces it, starting with {@code /}
     */
    public record PathPrefix(String from, String to) {
        /** Checks for nulls. */
        public PathPrefix {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Copies the collections, keeping order. */
    public Rewrite {
        setHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(setHeaders));
        removeHeaders = List.copyOf(removeHeaders);
        pathPrefixes = List.copyOf(pathPrefixes);
    }
}
