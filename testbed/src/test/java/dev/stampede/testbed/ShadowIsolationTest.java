package dev.stampede.testbed;

import static dev.stampede.testbed.ChainClient.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.ChainClient.Reply;
import dev.stampede.testbed.core.TestMark;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Marked requests reach the trading core's shadow store and only it; unmarked ones the live store and
 * only it — writes and reads alike. Each test gets a fresh chain so counts start at zero.
 */
@Timeout(60)
class ShadowIsolationTest {

    private static final String[] MARK = {"X-Stampede-Test", "1"};

    private Testbed testbed;
    private ChainClient client;
    private String token;

    @BeforeEach
    void start() {
        testbed = Testbed.start(TestbedSettings.defaults().withAccounts(20, 11L), NanoClock.system());
        client = new ChainClient(testbed.url());
        token = client.login(testbed.accounts().get(1));
    }

    @AfterEach
    void stop() {
        testbed.close();
    }

    @Test
    void unmarkedTrafficNeverTouchesTheShadowStore() {
        runTradingDay();

        assertThat(counts("shadow"))
                .containsOnly(
                        entry("orders", 0),
                        entry("cancels", 0),
                        entry("ipoSubscriptions", 0),
                        entry("writes", 0),
                        entry("reads", 0));
        assertThat(counts("live")).contains(entry("orders", 1), entry("cancels", 1), entry("ipoSubscriptions", 1));
        assertThat(counts("live").get("reads")).isPositive();
    }

    @Test
    void markedTrafficNeverTouchesTheLiveStore() {
        runTradingDay(MARK);

        assertThat(counts("live"))
                .containsOnly(
                        entry("orders", 0),
                        entry("cancels", 0),
                        entry("ipoSubscriptions", 0),
                        entry("writes", 0),
                        entry("reads", 0));
        assertThat(counts("shadow")).contains(entry("orders", 1), entry("cancels", 1), entry("ipoSubscriptions", 1));
        assertThat(counts("shadow").get("reads")).isPositive();
    }

    @Test
    void anOrderIsVisibleOnlyWithTheMarkItWasPlacedWith() {
        String shadowId = place(MARK);
        String liveId = place();

        assertThat(client.get("/api/order/" + shadowId, session(token, MARK)).status())
                .isEqualTo(200);
        assertThat(client.get("/api/order/" + shadowId, session(token)).status())
                .isEqualTo(404);
        assertThat(client.get("/api/order/" + liveId, session(token)).status()).isEqualTo(200);
        assertThat(client.get("/api/order/" + liveId, session(token, MARK)).status())
                .isEqualTo(404);
        assertThat(client.delete("/api/order/" + liveId, session(token, MARK)).status())
                .isEqualTo(404);
        assertThat(counts("live").get("cancels")).isZero();
    }

    @Test
    void anUnrecognisedMarkValueIsRefusedAndWritesNowhere() {
        Reply reply = client.post(
                "/api/order",
                "{\"code\":\"600036\",\"side\":\"buy\",\"price\":33,\"qty\":100}",
                session(token, "X-Stampede-Test", "yes"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("unrecognised test mark");
        assertThat(counts("live").get("writes")).isZero();
        assertThat(counts("shadow").get("writes")).isZero();
    }

    @Test
    void theMarkHeaderAndValueAreSettings() {
        testbed.close();
        testbed = Testbed.start(
                TestbedSettings.defaults().withAccounts(20, 11L).withTestMark(new TestMark("X-Drill", "2026-11")),
                NanoClock.system());
        client = new ChainClient(testbed.url());
        token = client.login(testbed.accounts().get(1));

        place("X-Drill", "2026-11");
        place(MARK); // the default mark means nothing now: live traffic

        assertThat(counts("shadow").get("orders")).isEqualTo(1);
        assertThat(counts("live").get("orders")).isEqualTo(1);
    }

    /** Places, reads, cancels, subscribes, checks balance and positions: one of each. */
    private void runTradingDay(String... mark) {
        String id = place(mark);
        assertThat(client.get("/api/order/" + id, session(token, mark)).status())
                .isEqualTo(200);
        assertThat(client.delete("/api/order/" + id, session(token, mark)).status())
                .isEqualTo(200);
        assertThat(client.post("/api/ipo/subscribe", "{\"code\":\"301999\",\"qty\":500}", session(token, mark))
                        .status())
                .isEqualTo(200);
        assertThat(client.get("/api/account/balance", session(token, mark)).status())
                .isEqualTo(200);
        assertThat(client.get("/api/account/positions", session(token, mark)).status())
                .isEqualTo(200);
        assertThat(client.get("/api/quote/600519", session(token, mark)).status())
                .isEqualTo(200);
    }

    private String place(String... mark) {
        Reply placed = client.post(
                "/api/order", "{\"code\":\"600036\",\"side\":\"buy\",\"price\":33,\"qty\":100}", session(token, mark));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        return placed.json().get("orderId").asText();
    }

    /** The core's admin endpoint, asked directly (it is not behind the LB). */
    private Map<String, Long> counts(String store) {
        ChainClient admin = new ChainClient(testbed.tier("core").url());
        JsonNode stores = admin.get("/admin/stores").json().get(store);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        stores.fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static Map.Entry<String, Long> entry(String key, long value) {
        return Map.entry(key, value);
    }
}
