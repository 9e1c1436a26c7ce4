package dev.stampede.testbed;

import static dev.stampede.testbed.ChainClient.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.ChainClient.Reply;
import dev.stampede.testbed.data.Account;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public API through the whole chain (LB -> gateway -> service -> core), on loopback. */
@Timeout(60)
class ChainTest {

    private static Testbed testbed;
    private static ChainClient client;
    private Account alice;
    private String token;

    @BeforeAll
    static void start() {
        testbed = Testbed.start(TestbedSettings.defaults().withAccounts(50, 7L).withIpoLimit(1000), NanoClock.system());
        client = new ChainClient(testbed.url());
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @BeforeEach
    void logIn() {
        alice = testbed.accounts().get(3);
        token = client.login(alice);
    }

    @Test
    void loginSetsASessionCookieAndReturnsTheAccount() {
        Reply reply = client.post(
                "/api/login", "{\"user\":\"" + alice.user() + "\",\"password\":\"" + alice.password() + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accountId").asText()).isEqualTo(alice.accountId());
        assertThat(reply.json().get("token").asText()).matches("[0-9a-f]{32}");
        assertThat(reply.header("Set-Cookie"))
                .startsWith("SESSION=" + reply.json().get("token").asText())
                .containsIgnoringCase("httponly");
    }

    @Test
    void loginRefusesWrongPasswordsAndBadBodies() {
        assertThat(client.post("/api/login", "{\"user\":\"" + alice.user() + "\",\"password\":\"nope\"}")
                        .status())
                .isEqualTo(401);
        assertThat(client.post("/api/login", "{\"user\":\"nobody\",\"password\":\"x\"}")
                        .status())
                .isEqualTo(401);
        assertThat(client.post("/api/login", "{\"user\":\"" + alice.user() + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.post("/api/login", "not json").status()).isEqualTo(400);
        assertThat(client.get("/api/login").status()).isEqualTo(405);
    }

    @Test
    void everyRouteNeedsASession() {
        List<Reply> replies = List.of(
                client.get("/api/quote/600519"),
                client.get("/api/kline/600519?period=1m"),
                client.get("/api/account/balance"),
                client.get("/api/account/positions"),
                client.post("/api/order", "{\"code\":\"600519\",\"side\":\"buy\",\"price\":1.0,\"qty\":100}"),
                client.get("/api/order/1"),
                client.delete("/api/order/1"),
                client.post("/api/ipo/subscribe", "{\"code\":\"301999\",\"qty\":500}"),
                client.get("/api/quote/600519", "Cookie", "SESSION=00000000000000000000000000000000"),
                client.get("/api/quote/600519", "Authorization", "Bearer forged"));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
            assertThat(reply.json().get("error").asText()).isNotBlank();
        });
    }

    @Test
    void quotesAndKlines() {
        Reply quote = client.get("/api/quote/00700.HK", session(token));
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().get("code").asText()).isEqualTo("00700.HK");
        assertThat(quote.json().get("price").asDouble()).isPositive();

        Reply kline = client.get("/api/kline/600519?period=5m&limit=30", session(token));
        assertThat(kline.status()).isEqualTo(200);
        assertThat(kline.json().get("candles")).hasSize(30);
        assertThat(client.get("/api/kline/600519?period=1d", session(token))
                        .json()
                        .get("candles"))
                .hasSize(60);

        assertThat(client.get("/api/quote/999999", session(token)).status()).isEqualTo(404);
        assertThat(client.get("/api/kline/600519?period=2h", session(token)).status())
                .isEqualTo(400);
        assertThat(client.get("/api/kline/600519", session(token)).status()).isEqualTo(400);
    }

    @Test
    void balanceAndPositionsAreTheSessionsAccountWhateverTheClientClaims() {
        Account other = testbed.accounts().get(4);
        Reply balance = client.get("/api/account/balance", session(token, "X-Account-Id", other.accountId()));

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("accountId").asText()).isEqualTo(alice.accountId());
        assertThat(balance.json().get("cash").asLong()).isEqualTo(alice.startingCash());

        Reply positions = client.get("/api/account/positions", session(token));
        assertThat(positions.status()).isEqualTo(200);
        assertThat(positions.json().get("positions")).hasSize(alice.holdings().size());
    }

    @Test
    void orderLifecycle() {
        Reply placed = client.post(
                "/api/order", "{\"code\":\"600519\",\"side\":\"buy\",\"price\":1650.5,\"qty\":200}", session(token));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String id = placed.json().get("orderId").asText();
        assertThat(placed.json().get("status").asText()).isEqualTo("open");

        JsonNode balance = client.get("/api/account/balance", session(token)).json();
        assertThat(balance.get("reservedForOrders").asDouble()).isGreaterThanOrEqualTo(1650.5 * 200);

        Reply fetched = client.get("/api/order/" + id, session(token));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("qty").asLong()).isEqualTo(200);

        Reply cancelled = client.delete("/api/order/" + id, session(token));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(client.delete("/api/order/" + id, session(token)).status()).isEqualTo(409);

        String otherToken = client.login(testbed.accounts().get(5));
        assertThat(client.get("/api/order/" + id, session(otherToken)).status())
                .as("another account cannot see the order")
                .isEqualTo(404);
    }

    @Test
    void invalidOrdersAreRefusedWithTheReason() {
        Reply badSide = client.post(
                "/api/order", "{\"code\":\"600519\",\"side\":\"hold\",\"price\":10,\"qty\":100}", session(token));
        assertThat(badSide.status()).isEqualTo(400);
        assertThat(badSide.json().get("error").asText()).contains("side");

        Reply oddLot = client.post(
                "/api/order", "{\"code\":\"600519\",\"side\":\"buy\",\"price\":10,\"qty\":150}", session(token));
        assertThat(oddLot.status()).isEqualTo(400);
        assertThat(oddLot.json().get("error").asText()).contains("lot size 100");

        assertThat(client.get("/api/order/abc", session(token)).status()).isEqualTo(400);
        assertThat(client.get("/api/order/12345", session(token)).status()).isEqualTo(404);
    }

    @Test
    void ipoSubscriptionHasAPerAccountLimit() {
        String ipoToken = client.login(testbed.accounts().get(9));
        Reply first = client.post("/api/ipo/subscribe", "{\"code\":\"301999\",\"qty\":500}", session(ipoToken));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("subscribed").asLong()).isEqualTo(500);

        Reply second = client.post("/api/ipo/subscribe", "{\"code\":\"301999\",\"qty\":500}", session(ipoToken));
        assertThat(second.json().get("subscribed").asLong()).isEqualTo(1000);

        Reply overLimit = client.post("/api/ipo/subscribe", "{\"code\":\"301999\",\"qty\":500}", session(ipoToken));
        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(overLimit.json().get("subscribed").asLong()).isEqualTo(1000);
        assertThat(overLimit.json().get("limit").asLong()).isEqualTo(1000);

        assertThat(client.post("/api/ipo/subscribe", "{\"code\":\"600519\",\"qty\":500}", session(ipoToken))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void bearerTokenWorksLikeTheCookieAndLogoutEndsTheSession() {
        assertThat(client.get("/api/quote/AAPL", "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(200);

        assertThat(client.post("/api/logout", "", session(token)).status()).isEqualTo(200);

        assertThat(client.get("/api/quote/AAPL", session(token)).status()).isEqualTo(401);
    }

    @Test
    void everyTierAddsItsServerTimingEntryInnermostFirst() {
        Reply placed = client.post(
                "/api/order", "{\"code\":\"AAPL\",\"side\":\"sell\",\"price\":230,\"qty\":3}", session(token));

        assertThat(placed.header("Server-Timing"))
                .matches("core;dur=[0-9.]+, order;dur=[0-9.]+, gateway-[12];dur=[0-9.]+, lb;dur=[0-9.]+");
        assertThat(client.get("/api/quote/AAPL", session(token)).header("Server-Timing"))
                .matches("market;dur=[0-9.]+, gateway-[12];dur=[0-9.]+, lb;dur=[0-9.]+");
    }

    @Test
    void traceparentReachesTheTradingCoreWithItsTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply placed = client.post(
                "/api/order",
                "{\"code\":\"AAPL\",\"side\":\"buy\",\"price\":230,\"qty\":1}",
                session(token, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(placed.json().get("traceId").asText()).isEqualTo(traceId);

        Reply untraced = client.post(
                "/api/order", "{\"code\":\"AAPL\",\"side\":\"buy\",\"price\":230,\"qty\":1}", session(token));
        assertThat(untraced.json().get("traceId").asText())
                .as("the gateway starts a trace when the client sent none")
                .matches("[0-9a-f]{32}")
                .isNotEqualTo(traceId);
    }

    @Test
    void loadBalancerSpreadsRequestsOverBothGateways() {
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/api/quote/600036", session(token)).status()).isEqualTo(200);
        }

        assertThat(testbed.tier("gateway-1").metrics().requests("GET /api/quote/{code}", 200))
                .isGreaterThanOrEqualTo(10);
        assertThat(testbed.tier("gateway-2").metrics().requests("GET /api/quote/{code}", 200))
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void unknownPathsAre404() {
        assertThat(client.get("/nothing-here").status()).isEqualTo(404);
        assertThat(client.get("/api/unknown", session(token)).status()).isEqualTo(404);
    }
}
