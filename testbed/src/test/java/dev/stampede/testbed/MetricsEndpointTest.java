package dev.stampede.testbed;

import static dev.stampede.testbed.ChainClient.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.ChainClient.Reply;
import dev.stampede.testbed.http.HttpTier;
import dev.stampede.testbed.metrics.PrometheusTextParser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every tier serves Prometheus text at /metrics that a strict parser accepts, with the counts it saw. */
@Timeout(60)
class MetricsEndpointTest {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.start(TestbedSettings.defaults().withAccounts(10, 3L), NanoClock.system());
        ChainClient client = new ChainClient(testbed.url());
        String token = client.login(testbed.accounts().get(0));
        for (int i = 0; i < 5; i++) {
            client.get("/api/quote/600519", session(token));
        }
        client.post("/api/order", "{\"code\":\"600519\",\"side\":\"buy\",\"price\":1600,\"qty\":100}", session(token));
        client.get("/api/account/balance");
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void everyTierServesParseableMetrics() {
        assertThat(testbed.tiers())
                .extracting(HttpTier::name)
                .containsExactly("core", "market", "account", "order", "gateway-1", "gateway-2", "lb");
        for (HttpTier tier : testbed.tiers()) {
            Reply reply = new ChainClient(tier.url()).get("/metrics");

            assertThat(reply.status()).as(tier.name()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
            PrometheusTextParser parsed = PrometheusTextParser.parse(reply.body());
            assertThat(parsed.value("testbed_in_flight", Map.of("tier", tier.name())))
                    .as("%s: only the scrape itself is in flight", tier.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void loadBalancerCountsRequestsByRouteAndStatus() {
        PrometheusTextParser lb = PrometheusTextParser.parse(
                new ChainClient(testbed.tier("lb").url()).get("/metrics").body());

        assertThat(lb.value(
                        "testbed_requests_total",
                        Map.of("tier", "lb", "route", "GET /api/quote/{code}", "status", "200")))
                .isEqualTo(5);
        assertThat(lb.value(
                        "testbed_requests_total",
                        Map.of("tier", "lb", "route", "GET /api/account/balance", "status", "401")))
                .isEqualTo(1);
        assertThat(lb.value("testbed_request_duration_seconds_count", Map.of("tier", "lb", "route", "POST /api/order")))
                .isEqualTo(1);
    }

    @Test
    void tradingCoreReportsItsQueueAndStores() {
        PrometheusTextParser core = PrometheusTextParser.parse(
                new ChainClient(testbed.tier("core").url()).get("/metrics").body());
        Map<String, String> tier = Map.of("tier", "core");

        assertThat(core.value("testbed_queue_depth", tier)).isZero();
        assertThat(core.value("testbed_queue_capacity", tier)).isEqualTo(100);
        assertThat(core.value("testbed_workers", tier)).isEqualTo(8);
        assertThat(core.value("testbed_rejected_total", tier)).isZero();
        assertThat(core.value("testbed_live_writes_total", tier)).isEqualTo(1);
        assertThat(core.value("testbed_shadow_writes_total", tier)).isZero();
    }
}
