package dev.stampede.engine.source;

import dev.stampede.engine.http.HttpTarget;
import dev.stampede.model.BehaviourModel;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.SessionModel;
import dev.stampede.model.SlotModel;
import dev.stampede.model.Transition;
import dev.stampede.model.stats.FittedDistribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small behaviour models built in code, and what a source needs around them. */
final class TestModels {

    static final String QUOTE = "GET /api/quote/{code}";
    static final String KLINE = "GET /api/kline/{code}?period";
    static final String LOGIN = "POST /api/login";
    static final String ORDER = "POST /api/order";

    private TestModels() {}

    static RequestShaper shaper() {
        return new RequestShaper(HttpTarget.parse("http://127.0.0.1:8080"), Rewrite.NONE, Marks.DEFAULT, "run-1");
    }

    static SlotModel slot(String name, String kind, String parameter, String identity, String poolFile, String... top) {
        List<SlotModel.WeightedValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < top.length; i++) {
            values.add(new SlotModel.WeightedValue(top[i], top.length - i));
        }
        return new SlotModel(name, kind, parameter, identity, poolFile, 100, values, 0, null, null);
    }

    static EndpointModel endpoint(String id, String path, String body, SlotModel... slots) {
        String method = id.substring(0, id.indexOf(' '));
        List<String> queryNames = java.util.Arrays.stream(slots)
                .filter(s -> s.kind().equals("query"))
                .map(s -> s.parameter() != null ? s.parameter() : s.name().replaceAll("_\\d+$", ""))
                .toList();
        return new EndpointModel(
                id, method, path, queryNames, 100, 0.25, Map.of("200", 100L), null, body, 0, List.of(slots));
    }

    static EndpointModel quote() {
        return endpoint(
                QUOTE, "/api/quote/{code}", null, slot("code", "path", null, null, "quote.csv", "600519", "000001"));
    }

    static EndpointModel kline() {
        return endpoint(
                KLINE,
                "/api/kline/{code}",
                null,
                slot("code", "path", null, null, null, "600519"),
                slot("period", "query", "period", null, null, "1d", "1m"));
    }

    static Transition edge(String from, String to, double probability, double meanThinkSeconds) {
        return new Transition(
                from,
                to,
                (long) (probability * 1000),
                probability,
                Transition.EXIT.equals(to) ? null : new FittedDistribution.Exponential(meanThinkSeconds),
                null,
                "transition");
    }

    static SessionModel sessions(String key, Map<String, Double> entry, List<Transition> transitions) {
        return new SessionModel(key, 1800, 1000, 0, 3000, 0, 0, 3, null, null, 4, entry, transitions);
    }

    /** Quote and kline: A -> B 0.6 (think 2 s), A exits 0.4, B -> A 0.5 (think 1 s), B exits 0.5. */
    static BehaviourModel twoPages() {
        Map<String, Double> entry = new LinkedHashMap<>();
        entry.put(QUOTE, 0.7);
        entry.put(KLINE, 0.3);
        return model(
                List.of(quote(), kline()),
                sessions(
                        "ip+ua",
                        entry,
                        List.of(
                                edge(QUOTE, KLINE, 0.6, 2.0),
                                edge(QUOTE, Transition.EXIT, 0.4, 0),
                                edge(KLINE, QUOTE, 0.5, 1.0),
                                edge(KLINE, Transition.EXIT, 0.5, 0))));
    }

    /** A login (80 % of sessions start there), quotes and orders with a JSON body; the session in a cookie. */
    static BehaviourModel withLogin() {
        EndpointModel login = endpoint(
                LOGIN,
                "/api/login",
                "{\"user\":\"{{body.user}}\",\"password\":\"{{body.password}}\"}",
                slot("body.user", "body", "body.user", "user", null, "tok_user_00000000000000aa"),
                slot("body.password", "body", "body.password", "secret", null));
        SlotModel qty = new SlotModel(
                "body.qty",
                "body",
                "body.qty",
                null,
                null,
                100,
                List.of(new SlotModel.WeightedValue("100", 5), new SlotModel.WeightedValue("300", 1)),
                0,
                null,
                new FittedDistribution.Exponential(250));
        EndpointModel order = endpoint(
                ORDER,
                "/api/order",
                "{\"code\":\"{{body.code}}\",\"qty\":{{body.qty}},\"account\":\"{{body.account}}\"}",
                slot("body.code", "body", "body.code", null, null, "600519"),
                qty,
                slot("body.account", "body", "body.account", "account", null, "tok_acct_00000000000000bb"));
        Map<String, Double> entry = new LinkedHashMap<>();
        entry.put(LOGIN, 0.8);
        entry.put(QUOTE, 0.2);
        return model(
                List.of(login, quote(), order),
                sessions(
                        "cookie:SESSION,field:upstream_cookie_SESSION",
                        entry,
                        List.of(
                                edge(LOGIN, QUOTE, 1.0, 1.0),
                                edge(QUOTE, ORDER, 0.5, 2.0),
                                edge(QUOTE, Transition.EXIT, 0.5, 0),
                                edge(ORDER, QUOTE, 0.3, 1.0),
                                edge(ORDER, Transition.EXIT, 0.7, 0))));
    }

    static BehaviourModel model(List<EndpointModel> endpoints, SessionModel sessions) {
        return new BehaviourModel(BehaviourModel.SCHEMA, BehaviourModel.VERSION, null, null, endpoints, null, sessions);
    }

    /** Three test accounts. */
    static dev.stampede.model.pool.TestAccounts accounts(Path dir) throws IOException {
        Path file = dir.resolve("accounts.csv");
        Files.writeString(
                file,
                "account,username,password\nA001,alice,pw-a\nA002,bob,pw-b\nA003,carol,pw-c\n",
                StandardCharsets.UTF_8);
        return dev.stampede.model.pool.TestAccounts.read(file);
    }
}
