package dev.stampede.testbed.lb;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.gateway.ApiRoutes;
import dev.stampede.testbed.http.Forwarding;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer: round-robin over the gateways, request by request (sessions live in the shared
 * session store, so any gateway can serve any request), keep-alive on both sides. It adds {@code
 * X-Forwarded-For} and {@code X-Real-IP} as nginx's usual proxy configuration does.
 */
public final class LoadBalancer implements TierHandler {

    private final List<UpstreamClient> gateways;
    private final NanoClock clock;
    private final AtomicInteger next = new AtomicInteger();

    public LoadBalancer(List<UpstreamClient> gateways, NanoClock clock) {
        if (gateways.isEmpty()) {
            throw new IllegalArgumentException("the load balancer needs at least one gateway");
        }
        this.gateways = List.copyOf(gateways);
        this.clock = clock;
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        request.route(ApiRoutes.template(request.method(), request.path()));
        UpstreamClient gateway = gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size()));
        FullHttpRequest outgoing = Forwarding.copy(request);
        String forwardedFor = request.headers().get("X-Forwarded-For");
        outgoing.headers()
                .set(
                        "X-Forwarded-For",
                        forwardedFor == null ? request.remoteAddress() : forwardedFor + ", " + request.remoteAddress())
                .set("X-Real-IP", request.remoteAddress());
        return Forwarding.forward(request, gateway, outgoing, clock, "lb");
    }
}
