package dev.stampede.testbed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierMetricsTest {
    private static final String QUOTE = "GET /api/quote/{code}";
    private static final String ORDER = "POST /api/order";
    private static final long MS = 1_000_000L;

    private final TierMetrics metrics = new TierMetrics("core");

    @Test
    void rendersTheExactExpositionText() {
        AtomicLong depth = new AtomicLong(7);
        metrics.gauge("testbed_queue_depth", "Requests waiting for a worker.", depth::get);
        metrics.requestStarted();
        metrics.requestStarted();
        metrics.requestFinished(QUOTE, 200, 1_500_000);

        assertThat(metrics.render()).isEqualTo("""
                        # HELP testbed_requests_total Requests finished by this tier, by route template and HTTP status.
                        # TYPE testbed_requests_total counter
                        testbed_requests_total{tier="core",route="GET /api/quote/{code}",status="200"} 1
                        # HELP testbed_request_duration_seconds Time this tier took to answer, by route template.
                        # TYPE testbed_request_duration_seconds histogram
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.0005"} 0
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.001"} 0
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.0025"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.005"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.01"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.025"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.05"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.1"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.25"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="0.5"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="1"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="2.5"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="5"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="10"} 1
                        testbed_request_duration_seconds_bucket{tier="core",route="GET /api/quote/{code}",le="+Inf"} 1
                        testbed_request_duration_seconds_sum{tier="core",route="GET /api/quote/{code}"} 0.0015
                        testbed_request_duration_seconds_count{tier="core",route="GET /api/quote/{code}"} 1
                        # HELP testbed_in_flight Requests this tier has started and not yet finished.
                        # TYPE testbed_in_flight gauge
                        testbed_in_flight{tier="core"} 1
                        # HELP testbed_queue_depth Requests waiting for a worker.
                        # TYPE testbed_queue_depth gauge
                        testbed_queue_depth{tier="core"} 7
                        """);
    }

    @Test
    void freshMetricsRenderValidTextWithEveryFamily() {
        PrometheusTextParser parsed = PrometheusTextParser.parse(metrics.render());

        assertThat(parsed.families())
                .containsExactly(TierMetrics.REQUESTS, TierMetrics.DURATION, TierMetrics.IN_FLIGHT);
        assertThat(parsed.value(TierMetrics.IN_FLIGHT, tier())).isZero();
        assertThat(metrics.requestsTotal()).isZero();
        assertThat(TierMetrics.CONTENT_TYPE).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void countsRequestsByRouteAndStatus() {
        finish(QUOTE, 200, 3);
        finish(QUOTE, 404, 1);
        finish(ORDER, 200, 2);

        assertThat(metrics.requests(QUOTE, 200)).isEqualTo(3);
        assertThat(metrics.requests(QUOTE, 404)).isEqualTo(1);
        assertThat(metrics.requests(ORDER, 200)).isEqualTo(2);
        assertThat(metrics.requests(ORDER, 404)).isZero();
        assertThat(metrics.requests("GET /never", 200)).isZero();
        assertThat(metrics.requestsTotal()).isEqualTo(6);

        PrometheusTextParser parsed = PrometheusTextParser.parse(metrics.render());
        assertThat(parsed.value(TierMetrics.REQUESTS, routeStatus(QUOTE, "404")))
                .isEqualTo(1);
        assertThat(parsed.value(TierMetrics.REQUESTS, routeStatus(ORDER, "200")))
                .isEqualTo(2);
        // Stable order: routes sorted, then statuses ascending.
        assertThat(parsed.samples(TierMetrics.REQUESTS))
                .extracting(s -> s.labels().get("route") + " " + s.labels().get("status"))
                .containsExactly(QUOTE + " 200", QUOTE + " 404", ORDER + " 200");
    }

    @Test
    void inFlightGoesUpAndDown() {
        metrics.requestStarted();
        metrics.requestStarted();
        metrics.requestStarted();
        assertThat(metrics.inFlight()).isEqualTo(3);

        metrics.requestFinished(QUOTE, 200, MS);
        metrics.requestFinished(QUOTE, 503, MS);
        assertThat(metrics.inFlight()).isEqualTo(1);
        assertThat(PrometheusTextParser.parse(metrics.render()).value(TierMetrics.IN_FLIGHT, tier()))
                .isEqualTo(1);

        metrics.requestFinished(QUOTE, 200, MS);
        assertThat(metrics.inFlight()).isZero();
    }

    @Test
    void durationsLandInTheRightBucketsWithInclusiveUpperBounds() {
        long[] durations = {
            -5, // a clock glitch counts as zero
            500_000, // exactly 0.5 ms
            MS, // exactly 1 ms goes into le="0.001", not the next bucket
            MS + 1,
            10_000 * MS, // exactly 10 s
            10_000 * MS + 1 // only +Inf
        };
        for (long duration : durations) {
            metrics.requestStarted();
            metrics.requestFinished(QUOTE, 200, duration);
        }

        Map<String, Double> cumulative = buckets(PrometheusTextParser.parse(metrics.render()), QUOTE);
        assertThat(cumulative)
                .containsEntry("0.0005", 2.0)
                .containsEntry("0.001", 3.0)
                .containsEntry("0.0025", 4.0)
                .containsEntry("5", 4.0)
                .containsEntry("10", 5.0)
                .containsEntry("+Inf", 6.0)
                .hasSize(15);
    }

    @Test
    void sumIsInSecondsAndCountMatches() {
        finishWithDuration(QUOTE, 1_500_000);
        finishWithDuration(QUOTE, 2_000_000);
        finishWithDuration(QUOTE, 3 * 1000 * MS);

        String text = metrics.render();
        PrometheusTextParser parsed = PrometheusTextParser.parse(text);
        assertThat(parsed.value(TierMetrics.DURATION + "_sum", route(QUOTE))).isEqualTo(3.0035);
        assertThat(parsed.value(TierMetrics.DURATION + "_count", route(QUOTE))).isEqualTo(3);
        assertThat(text).contains("_sum{tier=\"core\",route=\"" + QUOTE + "\"} 3.0035\n");
    }

    @Test
    void registeredGaugesAndCountersAreSampledAtRenderTime() {
        AtomicLong depth = new AtomicLong(3);
        AtomicLong rejected = new AtomicLong(0);
        metrics.gauge("testbed_queue_depth", "Requests waiting.", depth::get);
        metrics.counter("testbed_rejected_total", "Requests refused.", rejected::get);

        PrometheusTextParser first = PrometheusTextParser.parse(metrics.render());
        depth.set(42);
        rejected.set(5);
        PrometheusTextParser second = PrometheusTextParser.parse(metrics.render());

        assertThat(first.value("testbed_queue_depth", tier())).isEqualTo(3);
        assertThat(first.value("testbed_rejected_total", tier())).isZero();
        assertThat(second.value("testbed_queue_depth", tier())).isEqualTo(42);
        assertThat(second.value("testbed_rejected_total", tier())).isEqualTo(5);
        assertThat(second.type("testbed_queue_depth")).isEqualTo("gauge");
        assertThat(second.type("testbed_rejected_total")).isEqualTo("counter");
        assertThat(second.families()).endsWith("testbed_queue_depth", "testbed_rejected_total");
    }

    @Test
    void escapesLabelValuesAndHelpText() {
        String route = "GET /odd\"quote\\back\nline";
        TierMetrics escaped = new TierMetrics("tier\"1");
        escaped.gauge("odd_help", "Help with a \\ and a\nline feed.", () -> 1);
        escaped.requestStarted();
        escaped.requestFinished(route, 200, MS);

        String text = escaped.render();
        assertThat(text).contains("{tier=\"tier\\\"1\",route=\"GET /odd\\\"quote\\\\back\\nline\",status=\"200\"} 1");
        assertThat(text).contains("# HELP odd_help Help with a \\\\ and a\\nline feed.\n");
        PrometheusTextParser parsed = PrometheusTextParser.parse(text);
        assertThat(parsed.value(TierMetrics.REQUESTS, Map.of("tier", "tier\"1", "route", route, "status", "200")))
                .isEqualTo(1);
        assertThat(parsed.help("odd_help")).isEqualTo("Help with a \\ and a\nline feed.");
        assertThat(escaped.requests(route, 200)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "has space", "dash-ed", "dot.ted", "quote\"", "é"})
    void rejectsInvalidMetricNames(String name) {
        assertThatThrownBy(() -> metrics.gauge(name, "help", () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid metric name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"testbed_in_flight", "testbed_request_duration_seconds_count", "taken"})
    void rejectsNamesAlreadyUsed(String name) {
        metrics.counter("taken", "help", () -> 0);

        assertThatThrownBy(() -> metrics.gauge(name, "help", () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void acceptsNamesWithColonsAndUnderscores() {
        metrics.gauge("_a:b_9", "help", () -> 0);

        assertThat(PrometheusTextParser.parse(metrics.render()).value("_a:b_9", tier()))
                .isZero();
    }

    @Test
    void rejectsAnEmptyTier() {
        assertThatThrownBy(() -> new TierMetrics("")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Four writers race through new (route, status) pairs and then steady-state counting while a
     * scraper renders throughout: totals must be exact, and every scrape must be valid (+Inf == _count).
     */
    @Test
    @Timeout(120)
    void countsExactlyUnderConcurrentRecordingAndScraping() throws Exception {
        int threads = 4;
        int perThread = 100_000;
        String[] routes = {QUOTE, ORDER, "GET /api/kline/{code}"};
        int[] statuses = {200, 201, 404, 429, 503};
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        metrics.requestStarted();
                        metrics.requestFinished(routes[i % 3], statuses[i % 5], (i % 1000) * 1000L);
                    }
                    writersDone.countDown();
                    return null;
                }));
            }
            Future<Integer> scraper = pool.submit(() -> {
                start.await();
                int scrapes = 0;
                do {
                    PrometheusTextParser.parse(metrics.render());
                    scrapes++;
                } while (writersDone.getCount() > 0);
                return scrapes;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            assertThat(scraper.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        // What one thread recorded, computed the slow obvious way, times four.
        Map<String, Long> expectedCounts = new HashMap<>();
        Map<String, Long> expectedSumNanos = new HashMap<>();
        for (int i = 0; i < perThread; i++) {
            expectedCounts.merge(routes[i % 3] + " " + statuses[i % 5], (long) threads, Long::sum);
            expectedSumNanos.merge(routes[i % 3], threads * (i % 1000) * 1000L, Long::sum);
        }
        assertThat(metrics.requestsTotal()).isEqualTo((long) threads * perThread);
        assertThat(metrics.inFlight()).isZero();
        PrometheusTextParser parsed = PrometheusTextParser.parse(metrics.render());
        for (String route : routes) {
            long routeTotal = 0;
            for (int status : statuses) {
                long expected = expectedCounts.get(route + " " + status);
                assertThat(metrics.requests(route, status))
                        .as(route + " " + status)
                        .isEqualTo(expected);
                assertThat(parsed.value(TierMetrics.REQUESTS, routeStatus(route, Integer.toString(status))))
                        .isEqualTo(expected);
                routeTotal += expected;
            }
            assertThat(parsed.value(TierMetrics.DURATION + "_count", route(route)))
                    .isEqualTo(routeTotal);
            assertThat(parsed.value(TierMetrics.DURATION + "_sum", route(route)))
                    .isCloseTo(expectedSumNanos.get(route) / 1e9, within(1e-6));
        }
    }

    private void finish(String route, int status, int times) {
        for (int i = 0; i < times; i++) {
            metrics.requestStarted();
            metrics.requestFinished(route, status, MS);
        }
    }

    private void finishWithDuration(String route, long durationNanos) {
        metrics.requestStarted();
        metrics.requestFinished(route, 200, durationNanos);
    }

    /** Cumulative bucket counts of one route, by le. */
    private static Map<String, Double> buckets(PrometheusTextParser parsed, String route) {
        Map<String, Double> byLe = new HashMap<>();
        for (PrometheusTextParser.Sample sample : parsed.samples(TierMetrics.DURATION + "_bucket")) {
            if (sample.labels().get("route").equals(route)) {
                byLe.put(sample.labels().get("le"), sample.value());
            }
        }
        return byLe;
    }

    private static Map<String, String> tier() {
        return Map.of("tier", "core");
    }

    private static Map<String, String> route(String route) {
        return Map.of("tier", "core", "route", route);
    }

    private static Map<String, String> routeStatus(String route, String status) {
        return Map.of("tier", "core", "route", route, "status", status);
    }
}
