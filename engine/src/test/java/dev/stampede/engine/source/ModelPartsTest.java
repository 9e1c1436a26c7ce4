package dev.stampede.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.model.Transition;
import dev.stampede.model.fidelity.ModelWalk;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The model source's parts: walk, expectations, arrivals, heap, values and text. */
class ModelPartsTest {

    private static SessionWalk walk() {
        return new SessionWalk(TestModels.twoPages().sessions(), Map.of(TestModels.QUOTE, 0, TestModels.KLINE, 1));
    }

    @Test
    void theWalkDrawsExactlyAsTheFidelityChecksModelWalk() {
        SessionWalk walk = walk();
        List<String> names = List.of(TestModels.QUOTE, TestModels.KLINE);
        for (long seed = 0; seed < 200; seed++) {
            List<String> expected = new ArrayList<>();
            new ModelWalk(TestModels.twoPages().sessions())
                    .session(new SplittableRandom(seed), new ModelWalk.Visitor() {
                        @Override
                        public void request(String endpoint, double offsetSeconds, double thinkSeconds) {
                            expected.add(endpoint + " after " + thinkSeconds);
                        }

                        @Override
                        public void sessionEnded(int length) {}
                    });
            List<String> actual = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(seed);
            int at = walk.entry(random);
            actual.add(names.get(at) + " after 0.0");
            while (true) {
                int edge = walk.edge(at, random);
                if (edge < 0 || walk.target(at, edge) == SessionWalk.EXIT) {
                    break;
                }
                double think = walk.thinkSeconds(at, edge, random);
                at = walk.target(at, edge);
                actual.add(names.get(at) + " after " + think);
            }
            assertThat(actual).as("seed " + seed).isEqualTo(expected);
        }
    }

    @Test
    void expectationsAreSolvedFromTheTransitionMatrix() {
        WalkExpectations expected = new WalkExpectations(walk());

        // From quote: n = 1.6 / 0.7 requests, s = 1.5 / 0.7 seconds; from kline: 1 + 0.5 n, 0.5 (1 + s).
        assertThat(expected.requestsPerSession()).isCloseTo(0.7 * 1.6 / 0.7 + 0.3 * (1 + 0.8 / 0.7), within(1e-9));
        assertThat(expected.secondsPerSession()).isCloseTo(0.7 * 1.5 / 0.7 + 0.3 * 0.5 * (1 + 1.5 / 0.7), within(1e-9));

        SessionWalk endless = new SessionWalk(
                TestModels.sessions(
                        "ip+ua",
                        Map.of(TestModels.QUOTE, 1.0),
                        List.of(TestModels.edge(TestModels.QUOTE, TestModels.QUOTE, 1.0, 1))),
                Map.of(TestModels.QUOTE, 0));
        assertThat(new WalkExpectations(endless).requestsPerSession()).isNaN();
    }

    @Test
    void poissonArrivalsHaveTheirMeanGapAndARateChangeRedrawsThePendingOne() {
        SessionArrivals arrivals = new SessionArrivals(true, new SplittableRandom(3), 100);
        long first = arrivals.pending();
        for (int i = 0; i < 100_000; i++) {
            arrivals.take();
        }
        assertThat((arrivals.pending() - first) / 100_000.0).isCloseTo(1e7, within(1e5)); // 10 ms

        long now = arrivals.pending() - 1;
        arrivals.retime(0.001, now);
        assertThat(arrivals.pending() - now).isGreaterThan(1_000_000_000L); // a gap of the new, slow rate
        arrivals.retime(1e6, now);
        assertThat(arrivals.pending()).isBetween(now, now + 100_000L);
    }

    @Test
    void theHeapGivesTheEarliestSessionAndTiesByNumber() {
        SessionHeap heap = new SessionHeap();
        SplittableRandom random = new SplittableRandom(1);
        List<ModelSession> sessions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ModelSession s = new ModelSession(i, null, null, null);
            s.dueNanos = random.nextLong(1_000);
            sessions.add(s);
            heap.add(s);
        }
        sessions.get(4_999).dueNanos = -1;
        heap.moved(sessions.get(4_999));
        assertThat(heap.poll()).isSameAs(sessions.get(4_999));
        ModelSession last = heap.poll();
        while (heap.size() > 0) {
            ModelSession next = heap.poll();
            assertThat(next.dueNanos > last.dueNanos || (next.dueNanos == last.dueNanos && next.number > last.number))
                    .isTrue();
            last = next;
        }
        assertThat(last.heapIndex).isEqualTo(-1);
    }

    @Test
    void freshValuesKeepTheShape() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            assertThat(FreshValues.like("600519", random)).matches("6\\d{5}");
            assertThat(FreshValues.like("tok_user_3f9a1c2b4d5e6f70", random)).matches("tok_user_3[0-9a-f]{15}");
            assertThat(FreshValues.like("user042", random)).matches("user0\\d\\d");
            assertThat(FreshValues.like("AAPL", random)).matches("A[A-Z]{3}");
        }
        assertThat(FreshValues.like("--", random)).isEqualTo("--");
    }

    @Test
    void poolDrawsByWeightAndSkipsValuesOfWeightZero() {
        PoolDraw draw = new PoolDraw(List.of("a", "none", "b"), List.of(1L, 0L, 3L), 0, null);
        SplittableRandom random = new SplittableRandom(4);
        int a = 0;
        for (int i = 0; i < 40_000; i++) {
            String value = draw.draw(random, null);
            assertThat(value).isIn("a", "b");
            a += value.equals("a") ? 1 : 0;
        }
        assertThat(a / 40_000.0).isCloseTo(0.25, within(0.01));
        assertThat(new PoolDraw(List.of(), List.of(), 5, null).draw(random, null))
                .isEmpty();
    }

    @Test
    void valuesAreEscapedOnlyWhereTheyMustBe() {
        String plain = "600519";
        assertThat(RequestText.path(plain)).isSameAs(plain);
        assertThat(RequestText.path("a b#c?d%20é")).isEqualTo("a%20b%23c%3Fd%20%C3%A9");
        assertThat(RequestText.queryValue("x&y=z")).isEqualTo("x%26y=z");
        assertThat(RequestText.queryName("fields[]")).isEqualTo("fields%5B%5D");
        StringBuilder json = new StringBuilder();
        RequestText.appendJsonString(json, "say \"hi\"\\\n\u0001");
        assertThat(json).hasToString("say \\\"hi\\\"\\\\\\n\\u0001");
        assertThat(List.of("0", "-1.5", "2e10", "true", "null")).allMatch(RequestText::isJsonLiteral);
        assertThat(List.of("", "01", "1.", "abc", "1e", "--1")).noneMatch(RequestText::isJsonLiteral);
    }

    @Test
    void bodyTemplatesKeepQuotesAndWriteOtherValuesBareOrQuoted() {
        EndpointPlan order = new EndpointPlan(TestModels.withLogin().endpoints().get(2), slot -> (r, a) -> "");

        assertThat(new String(
                        order.body(new String[] {"60\"05", "300", "A1"}), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":\"60\\\"05\",\"qty\":300,\"account\":\"A1\"}");
        assertThat(new String(order.body(new String[] {"x", "lots", "A1"}), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"code\":\"x\",\"qty\":\"lots\",\"account\":\"A1\"}");
        TextTemplate unknown = TextTemplate.parse("/a/{code}/{other}", "{", "}", n -> n.equals("code") ? 0 : -1);
        assertThat(unknown.literals).containsExactly("/a/", "/{other}");
    }

    @Test
    void queryParametersAreNamedByTheEndpointsQueryNamesRepeatsIncluded() {
        EndpointPlan plan = new EndpointPlan(
                TestModels.endpoint(
                        "GET /s/{id}?id&id",
                        "/s/{id}",
                        null,
                        TestModels.slot("id", "path", null, null, null),
                        TestModels.slot("id_2", "query", "id", null, null),
                        TestModels.slot("id_3", "query", null, null, null)),
                slot -> (r, a) -> "");

        assertThat(plan.pathAndQuery(new String[] {"7", "a b", "x&y"})).isEqualTo("/s/7?id=a%20b&id=x%26y");
    }

    @Test
    void theSessionCookieIsTheOneTheKeyNamesElseEveryCookie() {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.add("Set-Cookie", "theme=dark; Path=/");
        headers.add("Set-Cookie", "SESSION=abc123; HttpOnly");

        assertThat(SessionCookie.of("cookie:SESSION,field:x").capture(headers)).isEqualTo("SESSION=abc123");
        assertThat(SessionCookie.of("cookie:JSESSIONID").capture(headers)).isNull();
        assertThat(SessionCookie.of("ip+ua").capture(headers)).isEqualTo("theme=dark; SESSION=abc123");
        assertThat(SessionCookie.of("ip+ua").capture(new DefaultHttpHeaders())).isNull();
    }

    @Test
    void theLoginIsAPostToALoginPath() {
        assertThat(LoginRule.isLogin(TestModels.endpoint("POST /api/v1/user/Login/", "/api/v1/user/Login/", null)))
                .isTrue();
        assertThat(LoginRule.isLogin(TestModels.endpoint("POST /oauth/token", "/oauth/token", null)))
                .isTrue();
        assertThat(LoginRule.isLogin(TestModels.endpoint("GET /api/login", "/api/login", null)))
                .isFalse();
        assertThat(LoginRule.isLogin(TestModels.endpoint("POST /api/loginhistory", "/api/loginhistory", null)))
                .isFalse();
        assertThat(LoginRule.find(TestModels.withLogin().endpoints(), null)).isZero();
        assertThat(LoginRule.find(TestModels.withLogin().endpoints(), ModelSourceOptions.NO_LOGIN))
                .isEqualTo(-1);
        assertThat(Transition.EXIT).isEqualTo("$exit");
    }
}
