package dev.stampede.testbed.service;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.gateway.ApiRoutes;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionStage;

/** {@code GET /api/account/balance} and {@code GET /api/account/positions}, read from the trading core. */
public final class AccountService implements TierHandler {

    private final CoreProxy core;

    public AccountService(String tier, UpstreamClient core, NanoClock clock) {
        this.core = new CoreProxy(tier, core, clock);
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        String path = request.path();
        request.route(ApiRoutes.template(request.method(), path));
        if (!request.method().equals(HttpMethod.GET)) {
            return Replies.errorNow(HttpResponseStatus.METHOD_NOT_ALLOWED, "account data is read-only");
        }
        return switch (path) {
            case "/api/account/balance" -> core.call(request, HttpMethod.GET, "/core/balance");
            case "/api/account/positions" -> core.call(request, HttpMethod.GET, "/core/positions");
            default -> Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no route " + path);
        };
    }
}
