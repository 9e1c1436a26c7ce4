package dev.stampede.testbed.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.data.Instrument;
import dev.stampede.testbed.data.Instruments;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated app user: logs in, walks the behaviour's transition matrix with think times, leaves,
 * comes back after an away time, until the run ends. One request at a time over the user's own
 * keep-alive connection; all its steps run on one event loop.
 */
final class VirtualUser {

    private final Account account;
    private final SimulationRun run;
    private final UpstreamClient connection;
    private final EventLoop loop;
    private final SplittableRandom random;
    private final String userAgent;
    private String sessionToken;
    private String lastOrderId;

    VirtualUser(
            Account account,
            SimulationRun run,
            UpstreamClient connection,
            EventLoop loop,
            SplittableRandom random,
            String userAgent) {
        this.account = account;
        this.run = run;
        this.connection = connection;
        this.loop = loop;
        this.random = random;
        this.userAgent = userAgent;
    }

    /** Schedules the first login at {@code atNanos} (on the run's clock). */
    void start(long atNanos) {
        at(atNanos, () -> perform(Action.LOGIN));
    }

    private void perform(Action action) {
        if (run.isOver()) {
            run.userDone();
            return;
        }
        if (action == Action.LOGIN) {
            run.stats().sessionStarted();
            sessionToken = null;
            lastOrderId = null;
        }
        connection
                .send(request(action))
                .whenComplete((response, failure) -> loop.execute(() -> {
                    if (failure != null) {
                        run.stats().transportFailure(action);
                        proceed(action, sessionToken == null ? Action.LOGIN : null);
                        return;
                    }
                    try {
                        run.stats().response(action, response.status().code());
                        proceed(action, onResponse(action, response));
                    } finally {
                        response.release();
                    }
                }));
    }

    /** Reads what the app keeps from an answer; returns an action forced by it, or null. */
    private Action onResponse(Action action, FullHttpResponse response) {
        int status = response.status().code();
        if (status == 401 && action != Action.LOGIN) {
            run.stats().relogin();
            return Action.LOGIN;
        }
        if (status != 200) {
            return action == Action.LOGIN ? Action.EXIT : null;
        }
        if (action == Action.LOGIN) {
            sessionToken = field(response, "token");
        } else if (action == Action.ORDER) {
            lastOrderId = field(response, "orderId");
        } else if (action == Action.CANCEL) {
            lastOrderId = null;
        }
        return null;
    }

    /** Thinks, then does the next action: {@code forced} if given, else one drawn from the behaviour. */
    private void proceed(Action done, Action forced) {
        Action next = forced != null ? forced : run.behaviour().next(done, run.inIpoBurst(), random);
        if (next.needsOrder() && lastOrderId == null) {
            run.stats().substitution();
            next = Action.QUOTE;
        }
        if (forced == null) {
            run.stats().transition(done, next);
        }
        if (next == Action.EXIT) {
            sessionToken = null;
            double awaySeconds = run.behaviour().awaySeconds(random);
            at(run.clock().nanoTime() + seconds(awaySeconds), () -> perform(Action.LOGIN));
            return;
        }
        Action chosen = next;
        double thinkSeconds = run.behaviour().thinkSeconds(done, random);
        at(run.clock().nanoTime() + seconds(thinkSeconds), () -> perform(chosen));
    }

    private void at(long atNanos, Runnable step) {
        if (atNanos >= run.endNanos()) {
            run.userDone();
            return;
        }
        long delay = Math.max(0, atNanos - run.clock().nanoTime());
        loop.schedule(step, delay, TimeUnit.NANOSECONDS);
    }

    private FullHttpRequest request(Action action) {
        Behaviour behaviour = run.behaviour();
        return switch (action) {
            case LOGIN ->
                post("/api/login", "{\"user\":\"" + account.user() + "\",\"password\":\"" + account.password() + "\"}");
            case QUOTE ->
                get(HttpMethod.GET, "/api/quote/" + behaviour.code(random).code());
            case KLINE ->
                get(
                        HttpMethod.GET,
                        "/api/kline/" + behaviour.code(random).code() + "?period=" + behaviour.klinePeriod(random));
            case BALANCE -> get(HttpMethod.GET, "/api/account/balance");
            case POSITIONS -> get(HttpMethod.GET, "/api/account/positions");
            case ORDER -> order(behaviour);
            case ORDER_STATUS -> get(HttpMethod.GET, "/api/order/" + lastOrderId);
            case CANCEL -> get(HttpMethod.DELETE, "/api/order/" + lastOrderId);
            case IPO -> {
                Instrument ipo = Instruments.openIpo();
                yield post(
                        "/api/ipo/subscribe",
                        "{\"code\":\"" + ipo.code() + "\",\"qty\":" + behaviour.ipoLots(random) * ipo.lotSize() + "}");
            }
            case EXIT -> throw new IllegalStateException("exit is not a request");
        };
    }

    private FullHttpRequest order(Behaviour behaviour) {
        Instrument instrument = behaviour.code(random);
        long priceCents = behaviour.limitPriceCents(instrument.basePrice(), random);
        long qty = (long) behaviour.orderLots(random) * instrument.lotSize();
        String price = String.format(Locale.ROOT, "%d.%02d", priceCents / 100, priceCents % 100);
        return post(
                "/api/order",
                "{\"code\":\"" + instrument.code() + "\",\"side\":\"" + behaviour.orderSide(random) + "\",\"price\":"
                        + price + ",\"qty\":" + qty + "}");
    }

    private FullHttpRequest get(HttpMethod method, String uri) {
        return headers(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER));
    }

    private FullHttpRequest post(String uri, String json) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, uri, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        return headers(request);
    }

    private FullHttpRequest headers(FullHttpRequest request) {
        request.headers()
                .set(HttpHeaderNames.HOST, run.hostHeader())
                .set(HttpHeaderNames.USER_AGENT, userAgent)
                .set(HttpHeaderNames.ACCEPT, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
        if (sessionToken != null) {
            request.headers().set(HttpHeaderNames.COOKIE, "SESSION=" + sessionToken);
        }
        if (run.markHeader() != null) {
            request.headers().set(run.markHeader(), run.markValue());
        }
        return request;
    }

    private static String field(FullHttpResponse response, String name) {
        try {
            JsonNode body = Replies.JSON.readTree(response.content().toString(StandardCharsets.UTF_8));
            JsonNode value = body == null ? null : body.get(name);
            return value == null ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1e9);
    }
}
