package dev.stampede.engine.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request, repeated: like wrk2 at a rate, like wrk without one.
 *
 * @param method the HTTP method, e.g. GET (default)
 * @param path the path and query, starting with {@code /}; appended to the target's base path
 * @param headers extra request headers, in file order
 * @param body the request body; null for none
 * @param ratePerSec requests per second, or {@link #FLAT_OUT}: as fast as the connections allow
 * @param arrivals {@link Arrivals#CONSTANT} (default) or {@link Arrivals#POISSON}
 * @param seed seed of Poisson arrivals (default 1)
 */
public record UrlSource(
        String method,
        String path,
        Map<String, String> headers,
        String body,
        double ratePerSec,
        Arrivals arrivals,
        long seed)
        implements SourceSpec {

    /** {@link #ratePerSec()} when there is no rate: each connection sends again as soon as it is free. */
    public static final double FLAT_OUT = 0;

    /** Checks for nulls and copies the headers, keeping their order. */
    public UrlSource {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arrivals, "arrivals");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code GET path}, flat out. */
    public static UrlSource get(String path) {
        return new UrlSource("GET", path, Map.of(), null, FLAT_OUT, Arrivals.CONSTANT, 1);
    }

    @Override
    public String kind() {
        return "url";
    }

    /** True without a rate. */
    public boolean flatOut() {
        return ratePerSec == FLAT_OUT;
    }

    /** This request at another rate ({@link #FLAT_OUT}: none). */
    public UrlSource withRatePerSec(double newRate) {
        return new UrlSource(method, path, headers, body, newRate, arrivals, seed);
    }
}
