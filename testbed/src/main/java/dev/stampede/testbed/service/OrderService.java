package dev.stampede.testbed.service;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.data.Tickets;
import dev.stampede.testbed.gateway.ApiRoutes;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionStage;

/**
 * Orders and IPO subscriptions: validates the ticket (400 with the reason), then has the trading core
 * execute it. {@code POST /api/order}, {@code GET|DELETE /api/order/{id}}, {@code POST
 * /api/ipo/subscribe}.
 */
public final class OrderService implements TierHandler {

    private final CoreProxy core;

    public OrderService(String tier, UpstreamClient core, NanoClock clock) {
        this.core = new CoreProxy(tier, core, clock);
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        String path = request.path();
        HttpMethod method = request.method();
        request.route(ApiRoutes.template(method, path));
        if (path.equals("/api/order") && method.equals(HttpMethod.POST)) {
            Tickets.order(Replies.parseObject(request.content()));
            return core.call(request, HttpMethod.POST, "/core/orders");
        }
        if (path.startsWith("/api/order/") && (method.equals(HttpMethod.GET) || method.equals(HttpMethod.DELETE))) {
            String id = path.substring("/api/order/".length());
            if (!id.chars().allMatch(Character::isDigit) || id.isEmpty() || id.length() > 18) {
                return Replies.errorNow(HttpResponseStatus.BAD_REQUEST, "order id must be a number");
            }
            return core.call(request, method, "/core/orders/" + id);
        }
        if (path.equals("/api/ipo/subscribe") && method.equals(HttpMethod.POST)) {
            Tickets.ipo(Replies.parseObject(request.content()));
            return core.call(request, HttpMethod.POST, "/core/ipo/subscriptions");
        }
        return Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no route " + method + " " + path);
    }
}
