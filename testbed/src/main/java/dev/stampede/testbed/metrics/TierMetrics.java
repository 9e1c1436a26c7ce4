package dev.stampede.testbed.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The metrics of one testbed tier, rendered in the Prometheus text exposition format (0.0.4) for the
 * tier's {@code /metrics} endpoint. Every series carries the label {@code tier}.
 *
 * <p>Families, in this order:
 *
 * <ul>
 *   <li>{@code testbed_requests_total{tier,route,status}} counter;
 *   <li>{@code testbed_request_duration_seconds{tier,route}} histogram, buckets from 0.5 ms to 10 s;
 *   <li>{@code testbed_in_flight{tier}} gauge;
 *   <li>the families registered with {@link #gauge} and {@link #counter}, in registration order.
 * </ul>
 *
 * <p>Thread-safe. Recording is lock-free and, once a route and status have been seen, allocation-free;
 * see the package documentation.
 */
public final class TierMetrics {
    /** The {@code Content-Type} of {@link #render()}'s output. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final String REQUESTS = "testbed_requests_total";
    static final String DURATION = "testbed_request_duration_seconds";
    static final String IN_FLIGHT = "testbed_in_flight";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Names the built-in families already write, so a registered family cannot duplicate a series. */
    private static final Set<String> RESERVED_NAMES =
            Set.of(REQUESTS, DURATION, DURATION + "_bucket", DURATION + "_sum", DURATION + "_count", IN_FLIGHT);

    private final String tier;
    private final LongAdder inFlight = new LongAdder();
    private final Map<String, RouteSeries> routes = new ConcurrentHashMap<>();
    private final List<SampledFamily> sampled = new CopyOnWriteArrayList<>();

    /** Counters and latency of one route template. */
    private record RouteSeries(StatusCounters statuses, LatencyHistogram latency) {
        RouteSeries() {
            this(new StatusCounters(), new LatencyHistogram());
        }
    }

    /**
     * @param tier value of the {@code tier} label on every series, e.g. {@code lb}, {@code gateway-1},
     *     {@code core}; must not be empty
     */
    public TierMetrics(String tier) {
        if (tier.isEmpty()) {
            // An empty label value is the same as no label to Prometheus: the tiers would merge.
            throw new IllegalArgumentException("tier must not be empty");
        }
        this.tier = tier;
    }

    /** Counts a request as in flight; pair with {@link #requestFinished}. */
    public void requestStarted() {
        inFlight.increment();
    }

    /**
     * Records a finished request: no longer in flight, counted by route and status, its duration
     * observed by the route's histogram.
     *
     * @param route route template, e.g. {@code GET /api/quote/{code}}, never a raw path: every distinct
     *     value creates series that live as long as this object
     * @param status HTTP status sent
     * @param durationNanos how long the request took in this tier; negative values count as zero
     */
    public void requestFinished(String route, int status, long durationNanos) {
        inFlight.decrement();
        RouteSeries series = routes.get(route);
        if (series == null) {
            // computeIfAbsent locks a map bin, so it is kept off the path of routes already seen.
            series = routes.computeIfAbsent(route, unused -> new RouteSeries());
        }
        series.statuses().increment(status);
        series.latency().record(durationNanos);
    }

    /**
     * Registers a gauge read at each scrape, e.g. the trading core's {@code testbed_queue_depth}.
     *
     * @param name metric name matching {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, unique within this object
     * @param help one-line description for the {@code # HELP} line
     * @param value read on the scraping thread; must be thread-safe and must not block
     * @throws IllegalArgumentException if the name is invalid or already used
     */
    public void gauge(String name, String help, LongSupplier value) {
        register(name, help, ExpositionWriter.GAUGE, value);
    }

    /**
     * Registers a counter read at each scrape, e.g. the LB's {@code testbed_access_log_lines_total}.
     * Same rules as {@link #gauge}; the value must never decrease.
     *
     * @throws IllegalArgumentException if the name is invalid or already used
     */
    public void counter(String name, String help, LongSupplier value) {
        register(name, help, ExpositionWriter.COUNTER, value);
    }

    /** Requests started and not yet finished. */
    public long inFlight() {
        return inFlight.sum();
    }

    /** Requests finished on {@code route} with {@code status}; 0 if that pair was never seen. */
    public long requests(String route, int status) {
        RouteSeries series = routes.get(route);
        return series == null ? 0 : series.statuses().count(status);
    }

    /** Requests finished on all routes with any status. */
    public long requestsTotal() {
        long total = 0;
        for (RouteSeries series : routes.values()) {
            total += series.statuses().total();
        }
        return total;
    }

    /** Renders all families as exposition text, ending with a line feed; see {@link #CONTENT_TYPE}. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        render(out);
        return out.toString();
    }

    /**
     * Appends all families as exposition text to {@code out}. Series are sorted by route, then status, so
     * that two scrapes list them in the same order.
     */
    public void render(StringBuilder out) {
        ExpositionWriter writer = new ExpositionWriter(out, tier);
        List<String> routeNames = new ArrayList<>(routes.keySet());
        routeNames.sort(null);

        writer.family(
                REQUESTS,
                "Requests finished by this tier, by route template and HTTP status.",
                ExpositionWriter.COUNTER);
        for (String route : routeNames) {
            routes.get(route).statuses().render(writer, REQUESTS, route);
        }
        writer.family(DURATION, "Time this tier took to answer, by route template.", ExpositionWriter.HISTOGRAM);
        for (String route : routeNames) {
            routes.get(route).latency().render(writer, DURATION, route);
        }
        writer.family(IN_FLIGHT, "Requests this tier has started and not yet finished.", ExpositionWriter.GAUGE);
        writer.sample(IN_FLIGHT).value(inFlight.sum());
        for (SampledFamily family : sampled) {
            family.render(writer);
        }
    }

    // Synchronized so that two registrations of one name cannot both pass the duplicate check; this is
    // setup, never the request path.
    private synchronized void register(String name, String help, String type, LongSupplier value) {
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(value, "value");
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name '" + name + "': must match " + METRIC_NAME);
        }
        if (RESERVED_NAMES.contains(name)
                || sampled.stream().anyMatch(f -> f.name().equals(name))) {
            throw new IllegalArgumentException("metric name '" + name + "' is already used in tier " + tier);
        }
        sampled.add(new SampledFamily(name, help, type, value));
    }
}
